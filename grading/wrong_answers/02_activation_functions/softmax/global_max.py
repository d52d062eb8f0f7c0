# mistake: Subtracts the batch's maximum
# why: It subtracts the largest score of the whole array instead of each row's maximum, so a row far below the top one underflows to 0 / 0 (nan).
# hint: Try a batch whose rows sit on very different scales (1000 and -1000): every row needs its own shift. Which axis should the max use?
def softmax(z, axis=-1):
    """z (..., C, ...) scores -> probabilities of the same shape, summing to 1 along ``axis``."""
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max())
    return e / e.sum(axis=axis, keepdims=True)
