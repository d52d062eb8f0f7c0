# mistake: Window mean used as naive forecast
# why: The naive forecast is the average of the window, a different baseline; the naive forecast repeats the last value of the window.
# hint: Reread the definition of the naive forecast: one value of the window, not a summary of all of them.
def forecast_errors(X, y, y_pred):
    """X (N, W, 1), y (N, 1), y_pred (N, 1) -> (model_mae, naive_mae, model_mae / naive_mae)."""
    X, y, y_pred = (np.asarray(a, dtype=float) for a in (X, y, y_pred))
    model_mae = np.mean(np.abs(y - y_pred))
    naive_mae = np.mean(np.abs(y - X.mean(axis=1)))
    return model_mae, naive_mae, model_mae / naive_mae
