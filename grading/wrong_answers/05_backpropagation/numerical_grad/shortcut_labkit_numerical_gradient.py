from labkit.nn import numerical_gradient


def numerical_grad(f, x, eps=1e-5):
    """f: function of x returning a number; x (*) float array -> central-difference gradient (*)."""
    return numerical_gradient(lambda: f(x), x, eps=eps)
