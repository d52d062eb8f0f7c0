# mistake: Flag set on the module, not its parameters
# why: Setting module.requires_grad = False only adds an attribute to the module object; the parameters never read it and keep requires_grad True.
# hint: Which objects does the optimizer and backward look at: the module, or each of its parameters?
def freeze(module):
    """Sets a flag on the module object: the parameters never see it."""
    module.requires_grad = False
    return module
