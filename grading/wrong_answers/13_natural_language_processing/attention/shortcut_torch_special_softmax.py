# mistake: Calls the library's torch softmax
# why: The exercise asks for your own attention written with NumPy, softmax included; torch.special.softmax is torch's softmax under another name, so the check refuses it.
# hint: Write the stable softmax yourself: subtract each row's maximum, np.exp, and divide by the row sums along the last axis.
def scaled_dot_product_attention(Q, K, V, mask=None):
    """Q (..., Tq, d), K (..., Tk, d), V (..., Tk, dv), mask broadcastable to (..., Tq, Tk) or None
    -> (output (..., Tq, dv), weights (..., Tq, Tk))."""
    Q, K, V = (np.asarray(a, dtype=float) for a in (Q, K, V))
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    weights = torch.special.softmax(torch.as_tensor(scores), dim=-1).numpy()  # torch's softmax under another name
    return weights @ V, weights
