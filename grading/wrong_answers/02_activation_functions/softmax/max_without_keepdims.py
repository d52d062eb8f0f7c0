# mistake: Max without keepdims
# why: z.max(axis=axis) drops the reduced axis, so for a batch of shape (2, 3) the (2,) maxima do not broadcast against the rows (an error, or a wrong shift for square arrays).
# hint: Print the shape of the maximum for Z of shape (2, 3): to subtract it from every row it needs shape (2, 1).
def softmax(z, axis=-1):
    """z (..., C, ...) scores -> probabilities of the same shape, summing to 1 along ``axis``."""
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=axis))
    return e / e.sum(axis=axis, keepdims=True)
