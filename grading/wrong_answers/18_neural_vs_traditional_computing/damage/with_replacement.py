# mistake: Positions drawn with replacement
# why: rng.choice draws with replacement, so some positions are picked twice and fewer than round(fraction * n) distinct weights are zeroed.
# hint: Count the zeros: fewer than k? A position drawn twice is zeroed only once.
def damage(model, fraction, rng):
    """A copy of model with round(fraction * n) random weights zeroed in each Linear layer (n weights each)."""
    damaged = copy.deepcopy(model)
    with torch.no_grad():
        for layer in damaged.modules():
            if isinstance(layer, torch.nn.Linear):
                flat = layer.weight.view(-1)
                flat[torch.as_tensor(rng.choice(flat.numel(), round(fraction * flat.numel()), replace=True))] = 0.0  # repeats
    return damaged
