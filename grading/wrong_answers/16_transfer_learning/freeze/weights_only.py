def freeze(module):
    """Freezes the weights but forgets the biases."""
    for name, parameter in module.named_parameters():
        if "weight" in name:
            parameter.requires_grad = False
    return module
