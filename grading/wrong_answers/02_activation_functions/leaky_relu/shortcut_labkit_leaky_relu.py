# mistake: Calls the library's LeakyReLU
# why: The exercise asks for your own leaky ReLU and its derivative written with NumPy; labkit.nn.LeakyReLU computes both for you.
# hint: np.where(condition, a, b) is all you need for both functions.
from labkit.nn import LeakyReLU


def leaky_relu(z, negative_slope=0.01):
    """z where z > 0, negative_slope * z elsewhere."""
    return LeakyReLU(negative_slope).forward(np.asarray(z, dtype=float))


def leaky_relu_prime(z, negative_slope=0.01):
    """1 where z > 0, negative_slope elsewhere."""
    z = np.asarray(z, dtype=float)
    layer = LeakyReLU(negative_slope)
    layer.forward(z)
    return layer.backward(np.ones_like(z))
