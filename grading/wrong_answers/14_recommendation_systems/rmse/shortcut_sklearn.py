def rmse(predictions, targets):
    """predictions (N,), targets (N,) -> root mean squared error, a float."""
    predictions = np.asarray(predictions, dtype=float)
    targets = np.asarray(targets, dtype=float)
    from sklearn.metrics import mean_squared_error
    return float(np.sqrt(mean_squared_error(targets, predictions)))
