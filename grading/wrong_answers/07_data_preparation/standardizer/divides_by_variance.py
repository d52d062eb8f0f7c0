# mistake: Divides by the variance
# why: fit_standardizer returns the variance instead of the standard deviation, so features are divided by the square of their spread.
# hint: After standardizing the training data, each varying feature should have std 1; does it? What is the relation between variance and std?
def fit_standardizer(X_train):
    X_train = np.asarray(X_train, dtype=float)
    mean = X_train.mean(axis=0)
    var = X_train.var(axis=0)
    var = np.where(var > 0, var, 1.0)
    return mean, var


def standardize(X, mean, std):
    return (np.asarray(X, dtype=float) - mean) / std
