# mistake: Forgot to sum over the output channels
# why: A loop over the output channels assigns grad_x instead of adding to it, so only the last output channel's contribution survives.
# hint: Every output channel o read the same input x[n, c]; the gradients from all of them must be added up (+=, or an einsum that sums over o).
def conv2d_backward(x, weight, grad_out):
    """Gradients of a stride-1, unpadded convolution: x (N, C, H, W), weight (O, C, kh, kw),
    grad_out (N, O, OH, OW) -> (grad_x (N, C, H, W), grad_weight (O, C, kh, kw), grad_bias (O,))."""
    x, weight, grad_out = (np.asarray(a, dtype=float) for a in (x, weight, grad_out))
    kh, kw = weight.shape[2:]
    oh, ow = grad_out.shape[2:]
    x_windows = np.lib.stride_tricks.sliding_window_view(x, (oh, ow), axis=(2, 3))  # (N, C, kh, kw, OH, OW)
    grad_weight = np.einsum("ncuvij,noij->ocuv", x_windows, grad_out)
    padded = np.pad(grad_out, ((0, 0), (0, 0), (kh - 1, kh - 1), (kw - 1, kw - 1)))
    g_windows = np.lib.stride_tricks.sliding_window_view(padded, (kh, kw), axis=(2, 3))  # (N, O, H, W, kh, kw)
    for o in range(weight.shape[0]):
        grad_x = np.einsum("nhwuv,cuv->nchw", g_windows[:, o], weight[o, :, ::-1, ::-1])
    grad_bias = grad_out.sum(axis=(0, 2, 3))
    return grad_x, grad_weight, grad_bias
