from labkit.preprocessing import StandardScaler, fit_transform_splits


def scale_splits(X_train, X_val, X_test):
    """(N, F), (M, F), (K, F) -> the three splits standardized with the training statistics."""
    return fit_transform_splits(StandardScaler(), X_train, X_val, X_test)
