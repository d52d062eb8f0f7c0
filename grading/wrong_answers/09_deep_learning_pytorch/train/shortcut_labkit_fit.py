def train(model, loader, loss_fn, optimizer, epochs, device="cpu"):
    """Train in place for `epochs` passes over `loader`; returns the mean training loss of each epoch."""
    from labkit.train import fit

    history = fit(model, loader, loss=loss_fn, optimizer=optimizer, epochs=epochs, device=device, progress=False)
    model.train()
    return list(history["loss"])
