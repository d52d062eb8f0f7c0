# mistake: Softmax over the queries
# why: The softmax is taken along axis -2, so each column (key) sums to 1 instead of each row (query); every query's weights over the keys must sum to 1.
# hint: Sum your weights along each row: they should give 1 for every query. Check the axis of your max and sum.
def scaled_dot_product_attention(Q, K, V, mask=None):
    """Q (..., Tq, d), K (..., Tk, d), V (..., Tk, dv), mask broadcastable to (..., Tq, Tk) or None
    -> (output (..., Tq, dv), weights (..., Tq, Tk))."""
    Q, K, V = (np.asarray(a, dtype=float) for a in (Q, K, V))
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    weights = np.exp(scores - scores.max(axis=-2, keepdims=True))
    weights = weights / weights.sum(axis=-2, keepdims=True)
    return weights @ V, weights
