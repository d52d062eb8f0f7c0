def rule_classifier(images):
    """images (N, 8, 8) -> (N,) ints: 1 for a one, 0 for a zero, by hand-written rules."""
    images = np.asarray(images, dtype=float)
    centre = images[:, 2:6, 3:5].mean(axis=(1, 2))
    return (centre < 0.4).astype(int)  # the comparison the wrong way round
