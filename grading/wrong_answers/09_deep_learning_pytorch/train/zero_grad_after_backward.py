# mistake: zero_grad after backward
# why: The gradients are cleared between backward() and step(), so step() sees zero gradients and the weights never change.
# hint: After one epoch, did any weight change? Where should zero_grad come in the order of the five steps?
def train(model, loader, loss_fn, optimizer, epochs, device="cpu"):
    """Train in place for `epochs` passes over `loader`; returns the mean training loss of each epoch."""
    model.train()
    history = []
    for _ in range(epochs):
        total = 0.0
        for xb, yb in loader:
            xb, yb = xb.to(device), yb.to(device)
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimizer.zero_grad()
            optimizer.step()
            total += loss.item() * len(xb)
        history.append(total / len(loader.dataset))
    return history
