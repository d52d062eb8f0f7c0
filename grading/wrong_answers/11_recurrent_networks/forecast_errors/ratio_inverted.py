# mistake: Ratio turned upside down
# why: Both MAEs are right, but the ratio divides the naive error by the model's, so a model that beats the baseline gets a value above 1 instead of below.
# hint: Read the definition of the ratio again: which error is in the numerator, and what should a better-than-naive model give?
def forecast_errors(X, y, y_pred):
    """X (N, W, 1), y (N, 1), y_pred (N, 1) -> (model_mae, naive_mae, model_mae / naive_mae)."""
    X, y, y_pred = (np.asarray(a, dtype=float) for a in (X, y, y_pred))
    model_mae = np.mean(np.abs(y - y_pred))
    naive_mae = np.mean(np.abs(y - X[:, -1]))
    return model_mae, naive_mae, naive_mae / model_mae
