# mistake: Fitted on all rows: leak
# why: The mean and std come from the training, validation and test rows stacked together, so information from the held-out splits leaks into the scaling.
# hint: Which split is the model allowed to learn from? Fit the statistics on that split only.
def scale_splits(X_train, X_val, X_test):
    mean, std = fit_standardizer(np.vstack([X_train, X_val, X_test]))
    return standardize(X_train, mean, std), standardize(X_val, mean, std), standardize(X_test, mean, std)
