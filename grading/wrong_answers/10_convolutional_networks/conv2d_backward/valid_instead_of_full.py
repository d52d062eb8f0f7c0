# mistake: 'valid' instead of 'full' for the input gradient
# why: The flipped kernel slides over the upstream gradient without padding it, so grad_x has OH - kh + 1 rows instead of the input's H.
# hint: grad_x must have the shape of x. Every pixel, the corner ones too, was read by at least one window: pad grad_out with kh - 1 zeros on each side first.
def conv2d_backward(x, weight, grad_out):
    """Gradients of a stride-1, unpadded convolution: x (N, C, H, W), weight (O, C, kh, kw),
    grad_out (N, O, OH, OW) -> (grad_x (N, C, H, W), grad_weight (O, C, kh, kw), grad_bias (O,))."""
    x, weight, grad_out = (np.asarray(a, dtype=float) for a in (x, weight, grad_out))
    kh, kw = weight.shape[2:]
    oh, ow = grad_out.shape[2:]
    x_windows = np.lib.stride_tricks.sliding_window_view(x, (oh, ow), axis=(2, 3))  # (N, C, kh, kw, OH, OW)
    grad_weight = np.einsum("ncuvij,noij->ocuv", x_windows, grad_out)
    g_windows = np.lib.stride_tricks.sliding_window_view(grad_out, (kh, kw), axis=(2, 3))  # no padding
    grad_x = np.einsum("nohwuv,ocuv->nchw", g_windows, weight[:, :, ::-1, ::-1])
    grad_bias = grad_out.sum(axis=(0, 2, 3))
    return grad_x, grad_weight, grad_bias
