# mistake: Calls the library's labkit linear_probe
# why: The exercise asks for your own linear probe with your freeze and replace_head; labkit.transfer.linear_probe does it all for you, so the check refuses it.
# hint: Copy, freeze, replace the head with your functions, then train the head with a short cross-entropy loop.
from labkit.transfer import linear_probe as _labkit_linear_probe


def linear_probe(pretrained, X, y, n_classes):
    """labkit's version."""
    return _labkit_linear_probe(pretrained, X, y, n_classes)
