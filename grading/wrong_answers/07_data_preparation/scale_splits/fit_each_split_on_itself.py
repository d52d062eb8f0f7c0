def scale_splits(X_train, X_val, X_test):
    return tuple(standardize(X, *fit_standardizer(X)) for X in (X_train, X_val, X_test))
