# mistake: Calls the library's numerical_gradient
# why: The exercise asks for your own central-difference gradient; labkit.nn.numerical_gradient computes it for you.
# hint: A loop over every index with np.ndindex, two evaluations of f per entry, and a restore.
from labkit.nn import numerical_gradient


def numerical_grad(f, x, eps=1e-5):
    """f: function of x returning a number; x (*) float array -> central-difference gradient (*)."""
    return numerical_gradient(lambda: f(x), x, eps=eps)
