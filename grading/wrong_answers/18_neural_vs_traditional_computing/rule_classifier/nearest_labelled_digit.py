# mistake: Nearest labelled image (learned, not rules)
# why: Each image gets the label of the closest training image, a 1-nearest-neighbour classifier: it learns from labelled data, which the exercise rules out.
# hint: Leave the training data alone: describe in code a difference in shape between a 0 and a 1, and choose its threshold yourself.
def rule_classifier(images):
    """The label of the closest training image (1-nearest neighbour): learned from labelled data, not written rules."""
    images = np.asarray(images, dtype=float).reshape(len(images), -1)
    known = X01_train.reshape(len(X01_train), -1)
    nearest = np.argmin(((images[:, None, :] - known[None, :, :]) ** 2).sum(axis=2), axis=1)
    return (np.asarray(y01_train)[nearest] == 1).astype(int)
