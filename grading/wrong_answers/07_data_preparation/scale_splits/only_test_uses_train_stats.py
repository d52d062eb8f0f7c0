# mistake: Validation fitted on itself
# why: The training and test splits use the training statistics, but the validation split is standardized with its own mean and std.
# hint: Check the validation split's result: a one-row validation set should not become all zeros. Are all three splits scaled the same way?
def scale_splits(X_train, X_val, X_test):
    mean, std = fit_standardizer(X_train)
    val_mean, val_std = fit_standardizer(X_val)
    return standardize(X_train, mean, std), standardize(X_val, val_mean, val_std), standardize(X_test, mean, std)
