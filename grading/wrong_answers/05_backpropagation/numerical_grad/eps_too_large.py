# mistake: Default eps too large
# why: The default step is 0.1 instead of 1e-5, so the central difference has a visible error of order eps² (0.01 for a cubic).
# hint: Look at your function's signature: the exercise gives the default eps. What error does the plot show for eps = 0.1?
def numerical_grad(f, x, eps=0.1):
    """f: function of x returning a number; x (*) float array -> central-difference gradient (*)."""
    grad = np.zeros(x.shape)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + eps
        f_plus = f(x)
        x[i] = old - eps
        f_minus = f(x)
        x[i] = old
        grad[i] = (f_plus - f_minus) / (2 * eps)
    return grad
