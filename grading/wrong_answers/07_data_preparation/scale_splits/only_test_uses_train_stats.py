def scale_splits(X_train, X_val, X_test):
    mean, std = fit_standardizer(X_train)
    val_mean, val_std = fit_standardizer(X_val)
    return standardize(X_train, mean, std), standardize(X_val, val_mean, val_std), standardize(X_test, mean, std)
