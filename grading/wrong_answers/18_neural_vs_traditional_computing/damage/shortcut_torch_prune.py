import torch.nn.utils.prune as prune


def damage(model, fraction, rng):
    """PyTorch's random pruning."""
    damaged = copy.deepcopy(model)
    for layer in damaged.modules():
        if isinstance(layer, torch.nn.Linear):
            prune.random_unstructured(layer, name="weight", amount=fraction)
            prune.remove(layer, "weight")
    return damaged
