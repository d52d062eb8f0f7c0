# mistake: Square root missing (that is the MSE)
# why: The squared errors are averaged but the root is never taken, so the result is the MSE, in squared stars rather than stars.
# hint: What unit is your result in? The R in RMSE is the last step.
def rmse(predictions, targets):
    """predictions (N,), targets (N,) -> root mean squared error, a float."""
    predictions = np.asarray(predictions, dtype=float)
    targets = np.asarray(targets, dtype=float)
    return float(np.mean((predictions - targets) ** 2))
