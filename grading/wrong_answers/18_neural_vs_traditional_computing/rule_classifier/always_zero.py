# mistake: Always answers zero
# why: Every image is labelled 0, so the accuracy is just the share of zeros in the test set, far below 90 %.
# hint: Your function never looks at the images: find a region where a 0 and a 1 differ and measure the ink there.
def rule_classifier(images):
    """images (N, 8, 8) -> (N,) ints: 1 for a one, 0 for a zero, by hand-written rules."""
    images = np.asarray(images, dtype=float)
    return np.zeros(len(images), dtype=int)  # always "zero"
