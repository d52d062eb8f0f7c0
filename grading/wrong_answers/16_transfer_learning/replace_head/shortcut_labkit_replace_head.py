from labkit.transfer import replace_head as _labkit_replace_head


def replace_head(model, n_classes):
    """labkit's version."""
    return _labkit_replace_head(model, n_classes)
