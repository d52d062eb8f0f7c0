# mistake: Counts only the first dimension
# why: len(p) is the size of a tensor's first dimension, so a weight matrix counts its rows only, not all its entries.
# hint: A 5x6 weight holds 30 numbers; what does len of it return?
def count_trainable(model):
    """len(p) is only the first dimension of a tensor."""
    return int(sum(len(p) for p in model.parameters() if p.requires_grad))
