# mistake: Changes the caller's array
# why: X -= mean and X /= std write into the array passed in (np.asarray does not copy a float array), so the caller's data are standardized in place.
# hint: Print your input X after calling standardize: it should be unchanged. Build a new array instead.
def fit_standardizer(X_train):
    X_train = np.asarray(X_train, dtype=float)
    mean = X_train.mean(axis=0)
    std = X_train.std(axis=0)
    std = np.where(std > 0, std, 1.0)
    return mean, std


def standardize(X, mean, std):
    X = np.asarray(X, dtype=float)
    X -= mean
    X /= std
    return X
