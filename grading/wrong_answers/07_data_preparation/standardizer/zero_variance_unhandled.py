def fit_standardizer(X_train):
    X_train = np.asarray(X_train, dtype=float)
    return X_train.mean(axis=0), X_train.std(axis=0)


def standardize(X, mean, std):
    return (np.asarray(X, dtype=float) - mean) / std
