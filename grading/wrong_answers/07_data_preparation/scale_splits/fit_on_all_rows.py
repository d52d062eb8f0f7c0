def scale_splits(X_train, X_val, X_test):
    mean, std = fit_standardizer(np.vstack([X_train, X_val, X_test]))
    return standardize(X_train, mean, std), standardize(X_val, mean, std), standardize(X_test, mean, std)
