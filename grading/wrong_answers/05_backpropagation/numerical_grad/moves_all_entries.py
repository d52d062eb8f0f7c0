# mistake: Moves all entries at once
# why: f(x + eps) shifts every entry together, so each estimate is the sum of all partial derivatives, the same value in every entry.
# hint: A partial derivative moves one entry while the others stay put; does your nudge depend on the index i?
def numerical_grad(f, x, eps=1e-5):
    """f: function of x returning a number; x (*) float array -> central-difference gradient (*)."""
    grad = np.zeros(x.shape)
    for i in np.ndindex(x.shape):
        grad[i] = (f(x + eps) - f(x - eps)) / (2 * eps)
    return grad
