# mistake: Biases not counted
# why: Only parameters named 'weight' are counted, so every bias is left out of the total.
# hint: For MLP(6, (5,), 3) you should get 53: which 8 numbers are missing from yours?
def count_trainable(model):
    """Counts only the weights, not the biases."""
    return int(sum(p.numel() for name, p in model.named_parameters() if p.requires_grad and "weight" in name))
