# mistake: Calls the library's torch mse_loss
# why: The exercise asks for your own RMSE written with NumPy; torch's mse_loss computes the mean squared error for you, so the check refuses it.
# hint: Use NumPy only: the differences, their squares, the mean, the square root.
def rmse(predictions, targets):
    """predictions (N,), targets (N,) -> root mean squared error, a float."""
    import torch

    p, t = (torch.as_tensor(np.asarray(a, dtype=float)) for a in (predictions, targets))
    return float(torch.nn.functional.mse_loss(p, t).sqrt())
