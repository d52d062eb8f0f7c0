def rule_classifier(images):
    """images (N, 8, 8) -> (N,) ints: 1 for a one, 0 for a zero, by hand-written rules."""
    images = np.asarray(images, dtype=float)
    return (images[:, 0, 0] > 0.5).astype(int)  # a corner pixel, which is blank in both
