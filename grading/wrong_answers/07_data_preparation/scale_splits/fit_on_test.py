# mistake: Fitted on the test split
# why: The statistics come from the test split, the one split that must stay unseen, and are then applied to all three.
# hint: Which split's argument do you pass to fit_standardizer? Only one split may be used for fitting.
def scale_splits(X_train, X_val, X_test):
    mean, std = fit_standardizer(X_test)
    return standardize(X_train, mean, std), standardize(X_val, mean, std), standardize(X_test, mean, std)
