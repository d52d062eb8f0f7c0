def freeze(module):
    """Sets a flag on the module object: the parameters never see it."""
    module.requires_grad = False
    return module
