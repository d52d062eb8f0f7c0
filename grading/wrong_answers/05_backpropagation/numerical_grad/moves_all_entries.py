def numerical_grad(f, x, eps=1e-5):
    """f: function of x returning a number; x (*) float array -> central-difference gradient (*)."""
    grad = np.zeros(x.shape)
    for i in np.ndindex(x.shape):
        grad[i] = (f(x + eps) - f(x - eps)) / (2 * eps)
    return grad
