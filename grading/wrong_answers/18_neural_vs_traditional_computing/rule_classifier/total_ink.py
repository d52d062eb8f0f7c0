# mistake: Total ink as the rule
# why: The rule thresholds the mean ink of the whole image, but 0s and 1s have about as much ink, so it cannot tell them apart.
# hint: Compare the total ink of a few 0s and 1s: is it different enough? Look at where the ink is, not how much there is.
def rule_classifier(images):
    """images (N, 8, 8) -> (N,) ints: 1 for a one, 0 for a zero, by hand-written rules."""
    images = np.asarray(images, dtype=float)
    return (images.mean(axis=(1, 2)) > 0.3).astype(int)  # total ink: 0s and 1s have about as much
