def count_trainable(model):
    """Counts parameter tensors instead of the numbers in them."""
    return len([p for p in model.parameters() if p.requires_grad])
