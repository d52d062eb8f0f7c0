from scipy import special


def softmax(z, axis=-1):
    """z (..., C, ...) scores -> probabilities of the same shape, summing to 1 along ``axis``."""
    return special.softmax(np.asarray(z, dtype=float), axis=axis)
