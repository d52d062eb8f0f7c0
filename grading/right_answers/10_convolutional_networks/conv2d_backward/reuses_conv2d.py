def conv2d_backward(x, weight, grad_out):
    """Gradients of a stride-1, unpadded convolution, built from my own conv2d (exercise 3)."""
    x, weight, grad_out = (np.asarray(a, dtype=float) for a in (x, weight, grad_out))
    kh, kw = weight.shape[2:]
    # input: a full convolution = conv2d over grad_out padded by k - 1, the kernel flipped, its channel axes swapped
    padded = np.pad(grad_out, ((0, 0), (0, 0), (kh - 1, kh - 1), (kw - 1, kw - 1)))
    grad_x = conv2d(padded, weight[:, :, ::-1, ::-1].transpose(1, 0, 2, 3))
    # kernel: the batch axis plays the channel axis: correlate x (C, N, H, W) with grad_out (O, N, OH, OW)
    grad_weight = conv2d(x.transpose(1, 0, 2, 3), grad_out.transpose(1, 0, 2, 3)).transpose(1, 0, 2, 3)
    return grad_x, grad_weight, grad_out.sum(axis=(0, 2, 3))
