# mistake: Calls the library's LogisticRegression
# why: The exercise asks for hand-written rules with no learning; a logistic regression fitted to the training images is a learned classifier, so the check refuses it.
# hint: Look at a few images of each digit, pick a region where they differ, and compare its mean ink with a threshold you choose.
from sklearn.linear_model import LogisticRegression

_learned = LogisticRegression(max_iter=500).fit(X01_train.reshape(len(X01_train), -1), y01_train)


def rule_classifier(images):
    """Not rules: a classifier fitted to the training data."""
    images = np.asarray(images, dtype=float)
    return _learned.predict(images.reshape(len(images), -1))
