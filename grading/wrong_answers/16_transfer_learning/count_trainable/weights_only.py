def count_trainable(model):
    """Counts only the weights, not the biases."""
    return int(sum(p.numel() for name, p in model.named_parameters() if p.requires_grad and "weight" in name))
