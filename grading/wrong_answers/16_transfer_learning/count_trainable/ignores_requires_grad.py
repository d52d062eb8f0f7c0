def count_trainable(model):
    """Counts every parameter, frozen or not."""
    return int(sum(p.numel() for p in model.parameters()))
