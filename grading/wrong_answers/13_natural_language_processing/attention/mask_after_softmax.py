# mistake: Mask applied after the softmax
# why: Masked weights are zeroed after the softmax, so the remaining weights of each row no longer sum to 1; masked scores must be removed before the softmax.
# hint: Sum each row of your masked weights: is it 1? Think about where a score of minus infinity would go.
def scaled_dot_product_attention(Q, K, V, mask=None):
    """Q (..., Tq, d), K (..., Tk, d), V (..., Tk, dv), mask broadcastable to (..., Tq, Tk) or None
    -> (output (..., Tq, dv), weights (..., Tq, Tk))."""
    Q, K, V = (np.asarray(a, dtype=float) for a in (Q, K, V))
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    weights = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights = weights / weights.sum(axis=-1, keepdims=True)
    if mask is not None:
        weights = weights * mask
    return weights @ V, weights
