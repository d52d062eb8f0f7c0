# mistake: Normalises along axis 0
# why: The max and the sum use axis 0, so for a batch each column (one class over all examples) sums to 1 instead of each row, and the axis argument is ignored.
# hint: For Z of shape (2, 3), which rows or columns of your output sum to 1? The classes are along the axis argument.
def softmax(z, axis=-1):
    """z (..., C, ...) scores -> probabilities of the same shape, summing to 1 along ``axis``."""
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)
