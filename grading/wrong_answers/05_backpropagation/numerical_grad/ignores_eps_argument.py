def numerical_grad(f, x, eps=1e-5):
    """f: function of x returning a number; x (*) float array -> central-difference gradient (*)."""
    grad = np.zeros(x.shape)
    h = 1e-5
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        f_plus = f(x)
        x[i] = old - h
        f_minus = f(x)
        x[i] = old
        grad[i] = (f_plus - f_minus) / (2 * h)
    return grad
