# mistake: Forward difference
# why: It compares f(x + eps) with f(x), the one-sided forward difference, which is accurate only to order eps; the exercise asks for the central difference.
# hint: The central difference evaluates f on both sides of the point; how many evaluations per entry does your loop make?
def numerical_grad(f, x, eps=1e-5):
    """f: function of x returning a number; x (*) float array -> central-difference gradient (*)."""
    grad = np.zeros(x.shape)
    f_x = f(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + eps
        grad[i] = (f(x) - f_x) / eps
        x[i] = old
    return grad
