def fit_standardizer(X_train):
    X_train = np.asarray(X_train, dtype=float)
    mean = X_train.mean(axis=0)
    var = X_train.var(axis=0)
    var = np.where(var > 0, var, 1.0)
    return mean, var


def standardize(X, mean, std):
    return (np.asarray(X, dtype=float) - mean) / std
