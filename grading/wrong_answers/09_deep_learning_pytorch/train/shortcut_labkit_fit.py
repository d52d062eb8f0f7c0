# mistake: Calls the library's fit
# why: The exercise asks for your own training loop; labkit.train.fit runs the whole loop for you, and is off limits here.
# hint: Write the loop with torch: for each epoch and each batch, the five steps of the table in section 4.
def train(model, loader, loss_fn, optimizer, epochs, device="cpu"):
    """Train in place for `epochs` passes over `loader`; returns the mean training loss of each epoch."""
    from labkit.train import fit

    history = fit(model, loader, loss=loss_fn, optimizer=optimizer, epochs=epochs, device=device, progress=False)
    model.train()
    return list(history["loss"])
