# mistake: Transform refits on its input
# why: standardize recomputes the mean and std from whatever X it is given, ignoring the numbers passed in, so the test split is scaled with its own statistics.
# hint: standardize receives mean and std as arguments; does your code use them?
def fit_standardizer(X_train):
    X_train = np.asarray(X_train, dtype=float)
    mean = X_train.mean(axis=0)
    std = X_train.std(axis=0)
    std = np.where(std > 0, std, 1.0)
    return mean, std


def standardize(X, mean, std):
    # recomputes the statistics from whatever split it is given (the test split too)
    mean, std = fit_standardizer(X)
    return (np.asarray(X, dtype=float) - mean) / std
