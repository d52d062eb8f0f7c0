# mistake: Corner pixel as the rule
# why: The rule looks at pixel (0, 0), which is blank in both digits, so nearly every image gets the same label.
# hint: Print the mean image of the 0s and of the 1s: where do they differ most? A corner is blank in both.
def rule_classifier(images):
    """images (N, 8, 8) -> (N,) ints: 1 for a one, 0 for a zero, by hand-written rules."""
    images = np.asarray(images, dtype=float)
    return (images[:, 0, 0] > 0.5).astype(int)  # a corner pixel, which is blank in both
