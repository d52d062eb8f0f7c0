# mistake: Rule the wrong way round
# why: The centre region is a good feature, but the comparison is reversed: ink in the centre is called a 0, so nearly every image is misclassified.
# hint: Your accuracy is near 0 rather than near 50 %: which digit has ink in the centre, and which a hole?
def rule_classifier(images):
    """images (N, 8, 8) -> (N,) ints: 1 for a one, 0 for a zero, by hand-written rules."""
    images = np.asarray(images, dtype=float)
    centre = images[:, 2:6, 3:5].mean(axis=(1, 2))
    return (centre < 0.4).astype(int)  # the comparison the wrong way round
