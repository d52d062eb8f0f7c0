# mistake: Returns tensors, not floats
# why: The total adds the loss tensors themselves instead of loss.item(), so the epoch losses are tensors (and the autograd graphs of the whole epoch stay in memory).
# hint: Print the type of the numbers you return: they should be Python floats. How do you turn a one-number tensor into a float?
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
