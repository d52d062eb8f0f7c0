# mistake: Frozen parameters counted
# why: Every parameter is counted, frozen or not; only those with requires_grad set would be trained.
# hint: Freeze a layer and count again: does your number change?
def count_trainable(model):
    """Counts every parameter, frozen or not."""
    return int(sum(p.numel() for p in model.parameters()))
