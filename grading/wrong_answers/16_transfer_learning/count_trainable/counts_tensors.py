# mistake: Counts tensors, not numbers
# why: The trainable parameter tensors are counted, so a 6x5 weight counts as 1 instead of 30.
# hint: For MLP(6, (5,), 3) you should get 53: each tensor contributes as many numbers as it holds.
def count_trainable(model):
    """Counts parameter tensors instead of the numbers in them."""
    return len([p for p in model.parameters() if p.requires_grad])
