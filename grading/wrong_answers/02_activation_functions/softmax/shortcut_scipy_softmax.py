# mistake: Calls the library's scipy softmax
# why: The exercise asks for your own numerically stable softmax written with NumPy; scipy.special.softmax does it for you.
# hint: np.exp, a max and a sum along the axis, both with keepdims=True, are all you need.
from scipy import special


def softmax(z, axis=-1):
    """z (..., C, ...) scores -> probabilities of the same shape, summing to 1 along ``axis``."""
    return special.softmax(np.asarray(z, dtype=float), axis=axis)
