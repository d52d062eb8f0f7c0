# mistake: Ignores the eps argument
# why: It nudges by a fixed 1e-5 whatever eps the caller passes, so numerical_grad(f, x, eps=0.1) gives the same result as the default.
# hint: Call it with eps=0.1 on a cubic: the result should change by eps². Look for a hard-coded number.
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
