# mistake: Calls the library's labkit Softmax
# why: The exercise asks for your own attention written with NumPy, softmax included; labkit.nn.Softmax is the course's implementation, so the check refuses it.
# hint: Write the stable softmax yourself: subtract each row's maximum, np.exp, and divide by the row sums along the last axis.
def scaled_dot_product_attention(Q, K, V, mask=None):
    """Q (..., Tq, d), K (..., Tk, d), V (..., Tk, dv), mask broadcastable to (..., Tq, Tk) or None
    -> (output (..., Tq, dv), weights (..., Tq, Tk))."""
    from labkit.nn import Softmax

    Q, K, V = (np.asarray(a, dtype=float) for a in (Q, K, V))
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    weights = Softmax(dim=-1)(scores)
    return weights @ V, weights
