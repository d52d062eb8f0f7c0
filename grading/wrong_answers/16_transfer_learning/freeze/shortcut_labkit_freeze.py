# mistake: Calls the library's labkit freeze
# why: The exercise asks you to set the flag on each parameter yourself; labkit.transfer.freeze does it for you, so the check refuses it.
# hint: Loop over module.parameters() and set the attribute on each one.
from labkit.transfer import freeze as _labkit_freeze


def freeze(module):
    """labkit's version."""
    return _labkit_freeze(module)
