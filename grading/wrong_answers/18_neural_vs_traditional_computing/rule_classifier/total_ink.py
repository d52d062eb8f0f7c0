def rule_classifier(images):
    """images (N, 8, 8) -> (N,) ints: 1 for a one, 0 for a zero, by hand-written rules."""
    images = np.asarray(images, dtype=float)
    return (images.mean(axis=(1, 2)) > 0.3).astype(int)  # total ink: 0s and 1s have about as much
