# mistake: (N, 1) minus (N,) broadcasts to (N, N)
# why: The naive forecast is taken as X[:, -1, 0], shape (N,), and subtracted from y, shape (N, 1); NumPy broadcasts this to an N-by-N table of every pair, so naive_mae averages the wrong differences.
# hint: Print the shape of the difference you average for the naive error: it should have N entries, not N times N.
def forecast_errors(X, y, y_pred):
    """X (N, W, 1), y (N, 1), y_pred (N, 1) -> (model_mae, naive_mae, model_mae / naive_mae)."""
    X, y, y_pred = (np.asarray(a, dtype=float) for a in (X, y, y_pred))
    model_mae = np.mean(np.abs(y - y_pred))
    naive_mae = np.mean(np.abs(y - X[:, -1, 0]))
    return model_mae, naive_mae, model_mae / naive_mae
