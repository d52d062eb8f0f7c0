# mistake: Calls the library's requires_grad_
# why: The exercise asks you to set the flag on each parameter yourself; the module's requires_grad_ method does the loop for you, so the check refuses it.
# hint: Loop over module.parameters() and set the attribute on each one.
def freeze(module):
    """PyTorch's one-liner does it for you."""
    return module.requires_grad_(False)
