from labkit.nn import SGD, Parameter


def gd_step(params, grad, lr):
    """params (...), grad (same shape), lr a number -> new params (same shape)."""
    p = Parameter(np.array(params, dtype=float))
    p.grad = np.asarray(grad, dtype=float)
    SGD([p], lr=lr).step()
    return p.data
