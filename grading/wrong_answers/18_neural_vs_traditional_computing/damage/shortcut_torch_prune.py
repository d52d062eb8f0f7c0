# mistake: Calls the library's torch prune
# why: The exercise asks for your own damage; torch.nn.utils.prune's random pruning does it for you (with torch's random numbers, not rng), so the check refuses it.
# hint: Draw exactly round(fraction * n) positions per layer with rng.choice without replacement and set them to 0.
import torch.nn.utils.prune as prune


def damage(model, fraction, rng):
    """PyTorch's random pruning."""
    damaged = copy.deepcopy(model)
    for layer in damaged.modules():
        if isinstance(layer, torch.nn.Linear):
            prune.random_unstructured(layer, name="weight", amount=fraction)
            prune.remove(layer, "weight")
    return damaged
