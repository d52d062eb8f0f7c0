def freeze(module):
    """PyTorch's one-liner does it for you."""
    return module.requires_grad_(False)
