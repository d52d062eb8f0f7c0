# mistake: Mean absolute error instead
# why: This averages the absolute errors (the MAE), which weighs big misses no more than small ones; the RMSE squares them, averages and takes the root.
# hint: Read the three letters of RMSE from right to left and check that your code does each step.
def rmse(predictions, targets):
    """predictions (N,), targets (N,) -> root mean squared error, a float."""
    predictions = np.asarray(predictions, dtype=float)
    targets = np.asarray(targets, dtype=float)
    return float(np.mean(np.abs(predictions - targets)))
