# mistake: Divides by eps, not 2 eps
# why: The two evaluations are at old + eps and old - eps, 2 eps apart, but the difference is divided by eps, so every estimate is twice too large.
# hint: How far apart are the two points where you evaluate f? The difference quotient divides by that distance.
def numerical_grad(f, x, eps=1e-5):
    """f: function of x returning a number; x (*) float array -> central-difference gradient (*)."""
    grad = np.zeros(x.shape)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + eps
        f_plus = f(x)
        x[i] = old - eps
        f_minus = f(x)
        x[i] = old
        grad[i] = (f_plus - f_minus) / eps
    return grad
