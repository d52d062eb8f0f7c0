# mistake: Looks up the test labels
# why: Each image is matched to the lesson's test images and given their stored label: a lookup of the answers, not a rule about the shapes of 0 and 1.
# hint: Your function should read only the images it is given; write a rule about where a 0 and a 1 have ink.
def rule_classifier(images):
    """Finds each image among the lesson's test images and answers with its label: a lookup, not a rule."""
    images = np.asarray(images, dtype=float).reshape(len(images), -1)
    known = X01_test.reshape(len(X01_test), -1)
    nearest = np.argmin(((images[:, None, :] - known[None, :, :]) ** 2).sum(axis=2), axis=1)
    return np.asarray(y01_test)[nearest].astype(int)
