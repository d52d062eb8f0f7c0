# mistake: Unweighted mean of batch losses
# why: It averages the batch losses equally, but the last batch is often smaller, so its examples count more than the others'.
# hint: With batches of 4, 4 and 2 examples, should each batch count the same? Weigh each batch by its size.
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
            total += loss.item()
        history.append(total / len(loader))
    return history
