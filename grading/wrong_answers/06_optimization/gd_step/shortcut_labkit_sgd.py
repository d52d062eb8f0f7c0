# mistake: Calls the library's SGD
# why: The exercise asks for your own gradient-descent step written with NumPy; labkit.nn.SGD takes the step for you.
# hint: One subtraction and one multiplication on NumPy arrays are all you need.
from labkit.nn import SGD, Parameter


def gd_step(params, grad, lr):
    """params (...), grad (same shape), lr a number -> new params (same shape)."""
    p = Parameter(np.array(params, dtype=float))
    p.grad = np.asarray(grad, dtype=float)
    SGD([p], lr=lr).step()
    return p.data
