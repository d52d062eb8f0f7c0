# mistake: Calls the library's scaled_dot_product_attention
# why: The exercise asks for your own attention written with NumPy; torch's scaled_dot_product_attention is the reference the check compares with, so using it is refused.
# hint: Compute the output from your own weights and V with a matrix product; NumPy only.
def scaled_dot_product_attention(Q, K, V, mask=None):
    """Q (..., Tq, d), K (..., Tk, d), V (..., Tk, dv), mask broadcastable to (..., Tq, Tk) or None
    -> (output (..., Tq, dv), weights (..., Tq, Tk))."""
    Q, K, V = (np.asarray(a, dtype=float) for a in (Q, K, V))
    import torch
    import torch.nn.functional as F
    q, k, v = (torch.as_tensor(a) for a in (Q, K, V))
    m = None if mask is None else torch.as_tensor(np.asarray(mask, dtype=bool))
    output = F.scaled_dot_product_attention(q, k, v, attn_mask=m)
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    weights = np.exp(scores - scores.max(axis=-1, keepdims=True))
    return output.numpy(), weights / weights.sum(axis=-1, keepdims=True)
