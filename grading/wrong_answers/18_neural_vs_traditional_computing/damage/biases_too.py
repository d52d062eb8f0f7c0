# mistake: Biases damaged too
# why: The same fraction of each layer's biases is zeroed as well, but the exercise damages only the weights and leaves the biases alone.
# hint: Compare the biases before and after your call: they should be unchanged.
def damage(model, fraction, rng):
    """A copy of model with round(fraction * n) random weights zeroed in each Linear layer (n weights each)."""
    damaged = copy.deepcopy(model)
    with torch.no_grad():
        for layer in damaged.modules():
            if isinstance(layer, torch.nn.Linear):
                for p in (layer.weight, layer.bias):  # the biases too
                    flat = p.view(-1)
                    flat[torch.as_tensor(rng.choice(flat.numel(), round(fraction * flat.numel()), replace=False))] = 0.0
    return damaged
