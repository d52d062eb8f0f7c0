# mistake: Squared errors instead of absolute
# why: Both errors square the differences, which is the mean squared error, in squared units and dominated by the large misses; the exercise asks for the mean absolute error.
# hint: The A in MAE stands for absolute: check what you apply to each difference before averaging.
def forecast_errors(X, y, y_pred):
    """X (N, W, 1), y (N, 1), y_pred (N, 1) -> (model_mae, naive_mae, model_mae / naive_mae)."""
    X, y, y_pred = (np.asarray(a, dtype=float) for a in (X, y, y_pred))
    model_mae = np.mean((y - y_pred) ** 2)
    naive_mae = np.mean((y - X[:, -1]) ** 2)
    return model_mae, naive_mae, model_mae / naive_mae
