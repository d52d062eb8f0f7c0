# mistake: Last batch's loss reported
# why: After each epoch it records the loss of the last batch only, not the mean over all examples of the epoch.
# hint: The last batch is often the smallest and noisiest; the epoch's loss should include every batch.
def train(model, loader, loss_fn, optimizer, epochs, device="cpu"):
    """Train in place for `epochs` passes over `loader`; returns the mean training loss of each epoch."""
    model.train()
    history = []
    for _ in range(epochs):
        for xb, yb in loader:
            xb, yb = xb.to(device), yb.to(device)
            optimizer.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimizer.step()
        history.append(loss.item())
    return history
