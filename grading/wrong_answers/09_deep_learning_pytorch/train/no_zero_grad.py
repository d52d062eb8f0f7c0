# mistake: Gradients never cleared
# why: optimizer.zero_grad() is never called, so every backward adds to the gradients of all previous batches and each step uses their running sum.
# hint: PyTorch accumulates gradients in p.grad; which of the five steps clears them before each batch?
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
            optimizer.step()
            total += loss.item() * len(xb)
        history.append(total / len(loader.dataset))
    return history
