# mistake: About the fraction, with torch's random numbers
# why: Each weight is zeroed with probability fraction using torch.rand, so the number zeroed varies around the target instead of being exactly round(fraction * n), and rng is ignored.
# hint: Count the zeros in a layer of 200 weights at fraction 0.3: is it always 60? Choose exactly k positions with the generator you are given.
def damage(model, fraction, rng):
    """A copy of model with round(fraction * n) random weights zeroed in each Linear layer (n weights each)."""
    damaged = copy.deepcopy(model)
    with torch.no_grad():
        for layer in damaged.modules():
            if isinstance(layer, torch.nn.Linear):
                layer.weight[torch.rand(layer.weight.shape) < fraction] = 0.0  # about the fraction, from torch
    return damaged
