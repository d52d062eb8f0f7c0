def numerical_grad(f, x, eps=1e-5):
    """f: function of x returning a number; x (*) float array -> central-difference gradient (*)."""
    grad = np.zeros(x.shape)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + eps
        f_plus = f(x)
        x[i] = old - eps
        f_minus = f(x)
        grad[i] = (f_plus - f_minus) / (2 * eps)
    return grad
