def build_cnn():
    """A new CNN: images (N, 1, 8, 8) -> scores (N, 10), at most 12,000 parameters."""
    from labkit.models import SmallCNN

    return SmallCNN(channels=(8, 16), hidden=32)
