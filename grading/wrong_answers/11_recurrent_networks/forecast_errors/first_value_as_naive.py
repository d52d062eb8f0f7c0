# mistake: First value used as naive forecast
# why: The naive forecast takes X[:, 0], the oldest value of each window, but 'tomorrow like today' repeats the most recent value.
# hint: Which end of the window is 'today'? Check the index you use along the time axis.
def forecast_errors(X, y, y_pred):
    """X (N, W, 1), y (N, 1), y_pred (N, 1) -> (model_mae, naive_mae, model_mae / naive_mae)."""
    X, y, y_pred = (np.asarray(a, dtype=float) for a in (X, y, y_pred))
    model_mae = np.mean(np.abs(y - y_pred))
    naive_mae = np.mean(np.abs(y - X[:, 0]))
    return model_mae, naive_mae, model_mae / naive_mae
