# mistake: Loops over rows, not entries
# why: range(len(x)) visits whole rows of a 2-D array, so a whole row is nudged at once (and old is a view, not a copy, so the row is not restored).
# hint: For a (2, 3) array, how many entries does your loop visit? The exercise suggests an iterator over every index of x.shape.
def numerical_grad(f, x, eps=1e-5):
    """f: function of x returning a number; x (*) float array -> central-difference gradient (*)."""
    grad = np.zeros(x.shape)
    for i in range(len(x)):
        old = x[i]
        x[i] = old + eps
        f_plus = f(x)
        x[i] = old - eps
        f_minus = f(x)
        x[i] = old
        grad[i] = (f_plus - f_minus) / (2 * eps)
    return grad
