# mistake: Forgot to sum over the batch for the kernel
# why: A loop over the images assigns grad_weight instead of adding to it, so the kernel gradient is the last image's alone.
# hint: The same kernel was used on every image of the batch, and the loss adds them: the kernel's gradient is the sum over all images.
def conv2d_backward(x, weight, grad_out):
    """Gradients of a stride-1, unpadded convolution: x (N, C, H, W), weight (O, C, kh, kw),
    grad_out (N, O, OH, OW) -> (grad_x (N, C, H, W), grad_weight (O, C, kh, kw), grad_bias (O,))."""
    x, weight, grad_out = (np.asarray(a, dtype=float) for a in (x, weight, grad_out))
    kh, kw = weight.shape[2:]
    oh, ow = grad_out.shape[2:]
    for n in range(x.shape[0]):
        x_windows = np.lib.stride_tricks.sliding_window_view(x[n], (oh, ow), axis=(1, 2))  # (C, kh, kw, OH, OW)
        grad_weight = np.einsum("cuvij,oij->ocuv", x_windows, grad_out[n])
    padded = np.pad(grad_out, ((0, 0), (0, 0), (kh - 1, kh - 1), (kw - 1, kw - 1)))
    g_windows = np.lib.stride_tricks.sliding_window_view(padded, (kh, kw), axis=(2, 3))  # (N, O, H, W, kh, kw)
    grad_x = np.einsum("nohwuv,ocuv->nchw", g_windows, weight[:, :, ::-1, ::-1])
    grad_bias = grad_out.sum(axis=(0, 2, 3))
    return grad_x, grad_weight, grad_bias
