def freeze(module):
    """torch.no_grad() only affects the code inside the with block."""
    with torch.no_grad():
        for parameter in module.parameters():
            parameter.grad = None
    return module
