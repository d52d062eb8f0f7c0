def damage(model, fraction, rng):
    """A copy of model with round(fraction * n) random weights zeroed in each Linear layer (n weights each)."""
    damaged = copy.deepcopy(model)
    with torch.no_grad():
        for layer in damaged.modules():
            if isinstance(layer, torch.nn.Linear):
                layer.weight[torch.rand(layer.weight.shape) < fraction] = 0.0  # about the fraction, from torch
    return damaged
