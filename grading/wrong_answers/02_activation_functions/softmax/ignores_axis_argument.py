# mistake: Ignores the axis argument
# why: The max and the sum always use the last axis, so softmax(Z, axis=0) still normalises each row instead of each column.
# hint: Call it with axis=0 and check that the columns sum to 1: is the axis argument used anywhere?
def softmax(z, axis=-1):
    """z (..., C, ...) scores -> probabilities of the same shape, summing to 1 along ``axis``."""
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)
