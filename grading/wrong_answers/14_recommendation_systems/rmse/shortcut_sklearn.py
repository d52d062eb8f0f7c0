# mistake: Calls the library's mean_squared_error
# why: The exercise asks for your own RMSE written with NumPy; scikit-learn's mean_squared_error computes the core of it for you, so the check refuses it.
# hint: Use NumPy only: the differences, their squares, the mean, the square root.
def rmse(predictions, targets):
    """predictions (N,), targets (N,) -> root mean squared error, a float."""
    predictions = np.asarray(predictions, dtype=float)
    targets = np.asarray(targets, dtype=float)
    from sklearn.metrics import mean_squared_error
    return float(np.sqrt(mean_squared_error(targets, predictions)))
