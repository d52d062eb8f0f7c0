# mistake: Calls the library's torch l1_loss
# why: The exercise asks for your own mean absolute errors written with NumPy; torch.nn.functional.l1_loss is the library's MAE, so the check refuses it.
# hint: Use NumPy only: the absolute value of the differences, then their mean.
def forecast_errors(X, y, y_pred):
    """X (N, W, 1), y (N, 1), y_pred (N, 1) -> (model_mae, naive_mae, model_mae / naive_mae)."""
    t = lambda a: torch.as_tensor(np.asarray(a, dtype=float))
    model_mae = torch.nn.functional.l1_loss(t(y_pred), t(y)).item()
    naive_mae = torch.nn.functional.l1_loss(t(X)[:, -1], t(y)).item()
    return model_mae, naive_mae, model_mae / naive_mae
