# mistake: Biases left trainable
# why: Only parameters whose name contains 'weight' are frozen, so every bias still trains.
# hint: List the parameters that still have requires_grad after your call: are the biases among them?
def freeze(module):
    """Freezes the weights but forgets the biases."""
    for name, parameter in module.named_parameters():
        if "weight" in name:
            parameter.requires_grad = False
    return module
