# mistake: Whole neurons zeroed
# why: A fraction of the rows of each weight matrix is zeroed, whole neurons at a time, instead of the same fraction of the individual weights chosen over the flattened matrix.
# hint: Count the zeros in the second layer (80 weights, fraction 0.3): you should get 24. Choose positions among all the weights, not among the rows.
def damage(model, fraction, rng):
    """A copy of model with round(fraction * n) random weights zeroed in each Linear layer (n weights each)."""
    damaged = copy.deepcopy(model)
    with torch.no_grad():
        for layer in damaged.modules():
            if isinstance(layer, torch.nn.Linear):
                rows = rng.choice(layer.weight.shape[0], round(fraction * layer.weight.shape[0]), replace=False)
                layer.weight[torch.as_tensor(rows)] = 0.0  # whole neurons, not a fraction of the weights
    return damaged
