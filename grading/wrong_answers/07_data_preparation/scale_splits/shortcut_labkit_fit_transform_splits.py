# mistake: Calls the library's fit_transform_splits
# why: The exercise asks you to scale the splits with your own fit_standardizer and standardize; labkit.preprocessing does it for you.
# hint: One call to your fit_standardizer on the training split, then your standardize three times.
from labkit.preprocessing import StandardScaler, fit_transform_splits


def scale_splits(X_train, X_val, X_test):
    """(N, F), (M, F), (K, F) -> the three splits standardized with the training statistics."""
    return fit_transform_splits(StandardScaler(), X_train, X_val, X_test)
