# mistake: torch.no_grad() used to freeze
# why: torch.no_grad() only affects the code inside its with block; clearing .grad there changes nothing later, and every parameter still requires gradients.
# hint: After the call, does any parameter have requires_grad False? A context manager ends with its block.
def freeze(module):
    """torch.no_grad() only affects the code inside the with block."""
    with torch.no_grad():
        for parameter in module.parameters():
            parameter.grad = None
    return module
