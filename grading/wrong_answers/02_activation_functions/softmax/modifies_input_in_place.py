# mistake: Changes the input in place
# why: z -= ... writes into the array it was given (np.asarray does not copy a float array), so the caller's scores are shifted after the call.
# hint: Print the scores you passed after calling softmax: they should be unchanged. Compare z -= ... with z = z - ....
def softmax(z, axis=-1):
    """z (..., C, ...) scores -> probabilities of the same shape, summing to 1 along ``axis``."""
    z = np.asarray(z, dtype=float)
    z -= z.max(axis=axis, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=axis, keepdims=True)
