# mistake: Root of the sum, not the mean
# why: The squared errors are summed instead of averaged before the root, so the result grows with the number of ratings.
# hint: Would your result change if every rating appeared twice? Check the step between squaring and the root.
def rmse(predictions, targets):
    """predictions (N,), targets (N,) -> root mean squared error, a float."""
    predictions = np.asarray(predictions, dtype=float)
    targets = np.asarray(targets, dtype=float)
    return float(np.sqrt(np.sum((predictions - targets) ** 2)))
