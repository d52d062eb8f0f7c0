def forecast_errors(X, y, y_pred):
    """X (N, W, 1), y (N, 1), y_pred (N, 1) -> (model_mae, naive_mae, model_mae / naive_mae)."""
    X, y, y_pred = (np.asarray(a, dtype=float) for a in (X, y, y_pred))
    model_mae = np.mean((y - y_pred) ** 2)
    naive_mae = np.mean((y - X[:, -1]) ** 2)
    return model_mae, naive_mae, model_mae / naive_mae
