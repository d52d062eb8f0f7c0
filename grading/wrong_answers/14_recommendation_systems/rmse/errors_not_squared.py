# mistake: Errors averaged without squaring
# why: The signed errors are averaged and only then made positive, so misses above and below the target cancel; an RMSE squares each error before averaging.
# hint: Try predictions [3, 4, 5] against [3, 5, 3]: one miss is +2 and one -1. Do they cancel in your result?
def rmse(predictions, targets):
    """predictions (N,), targets (N,) -> root mean squared error, a float."""
    predictions = np.asarray(predictions, dtype=float)
    targets = np.asarray(targets, dtype=float)
    return float(np.abs(np.mean(predictions - targets)))
