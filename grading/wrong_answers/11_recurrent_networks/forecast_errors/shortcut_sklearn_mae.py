# mistake: Calls the library's mean_absolute_error
# why: The exercise asks for your own mean absolute errors written with NumPy; scikit-learn's mean_absolute_error computes them for you, so the check refuses it.
# hint: Use NumPy only: the absolute value of the differences, then their mean.
def forecast_errors(X, y, y_pred):
    """X (N, W, 1), y (N, 1), y_pred (N, 1) -> (model_mae, naive_mae, model_mae / naive_mae)."""
    X, y, y_pred = (np.asarray(a, dtype=float) for a in (X, y, y_pred))
    from sklearn.metrics import mean_absolute_error
    model_mae = mean_absolute_error(y, y_pred)
    naive_mae = mean_absolute_error(y, X[:, -1])
    return model_mae, naive_mae, model_mae / naive_mae
