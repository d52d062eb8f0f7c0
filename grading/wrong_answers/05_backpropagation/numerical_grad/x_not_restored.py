# mistake: x not restored
# why: Each entry is left at old - eps after its two evaluations, so x is changed when the function returns and later entries are measured at a shifted point.
# hint: Print x after calling numerical_grad: it should hold exactly its old values. What is missing after the second evaluation?
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
