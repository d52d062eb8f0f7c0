def freeze(module):
    """eval() switches dropout off; it does not stop training."""
    module.eval()
    return module
