# mistake: Calls the library's dropout
# why: The exercise asks for your own damage; torch's dropout is refused, and it would only zero about the fraction (not exactly k) with torch's random numbers instead of rng.
# hint: Draw exactly round(fraction * n) positions per layer with rng.choice without replacement and set them to 0.
def damage(model, fraction, rng):
    """Zero the weights with torch's dropout (it also rescales the others, and picks about, not exactly, the fraction)."""
    damaged = copy.deepcopy(model)
    with torch.no_grad():
        for layer in damaged.modules():
            if isinstance(layer, torch.nn.Linear):
                kept = torch.nn.functional.dropout(torch.ones_like(layer.weight), p=fraction) != 0
                layer.weight.mul_(kept)
    return damaged
