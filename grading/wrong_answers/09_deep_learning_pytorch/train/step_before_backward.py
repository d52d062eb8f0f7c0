# mistake: Step before backward
# why: optimizer.step() runs before loss.backward(), right after the gradients were cleared, so every step finds no gradient and the weights never change.
# hint: After one epoch, did any weight change? Check the order of the five steps in section 4's table.
def train(model, loader, loss_fn, optimizer, epochs, device="cpu"):
    """Train in place for `epochs` passes over `loader`; returns the mean training loss of each epoch."""
    model.train()
    history = []
    for _ in range(epochs):
        total = 0.0
        for xb, yb in loader:
            xb, yb = xb.to(device), yb.to(device)
            optimizer.zero_grad()
            loss = loss_fn(model(xb), yb)
            optimizer.step()
            loss.backward()
            total += loss.item() * len(xb)
        history.append(total / len(loader.dataset))
    return history
