# mistake: No max subtraction: overflow
# why: It takes np.exp of the raw scores, which overflows to inf for scores like 1000, and inf / inf gives nan.
# hint: Try scores [1000, 1001, 1002]: softmax should give the same as [1, 2, 3]. What shift leaves softmax unchanged but keeps exp small?
def softmax(z, axis=-1):
    """z (..., C, ...) scores -> probabilities of the same shape, summing to 1 along ``axis``."""
    z = np.asarray(z, dtype=float)
    e = np.exp(z)
    return e / e.sum(axis=axis, keepdims=True)
