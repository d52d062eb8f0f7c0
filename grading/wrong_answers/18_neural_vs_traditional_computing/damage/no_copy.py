# mistake: Original model damaged, no copy
# why: The weights are zeroed in the model that was passed in, so the original is damaged and cannot be measured again.
# hint: Compare the original model's weights before and after your call; the exercise names the function that makes an independent copy.
def damage(model, fraction, rng):
    """A copy of model with round(fraction * n) random weights zeroed in each Linear layer (n weights each)."""
    damaged = model  # no copy: the original is damaged too
    with torch.no_grad():
        for layer in damaged.modules():
            if isinstance(layer, torch.nn.Linear):
                flat = layer.weight.view(-1)
                flat[torch.as_tensor(rng.choice(flat.numel(), round(fraction * flat.numel()), replace=False))] = 0.0
    return damaged
