# mistake: Calls the library's StandardScaler
# why: The exercise asks for your own standardization written with NumPy; labkit.preprocessing.StandardScaler fits it for you.
# hint: A mean and a std along the right axis, plus one np.where for constant features.
from labkit.preprocessing import StandardScaler


def fit_standardizer(X_train):
    """X_train (N, F) -> (mean (F,), std (F,)); a constant feature gets std 1."""
    scaler = StandardScaler().fit(np.asarray(X_train, dtype=float))
    return scaler.mean_, scaler.scale_


def standardize(X, mean, std):
    """X (M, F) -> (X - mean) / std."""
    return (np.asarray(X, dtype=float) - mean) / std
