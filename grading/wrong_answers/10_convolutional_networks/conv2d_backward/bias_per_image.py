# mistake: Bias gradient kept per image
# why: The bias gradient sums grad_out over the positions only, so it has shape (N, O) instead of (O,).
# hint: Each bias b[o] was added to every position of every image: sum over the batch axis too.
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
    grad_x = np.einsum("nohwuv,ocuv->nchw", g_windows, weight[:, :, ::-1, ::-1])
    grad_bias = grad_out.sum(axis=(2, 3))
    return grad_x, grad_weight, grad_bias
