# mistake: Kernel flipped (true convolution)
# why: It flips the kernel before sliding it, which is the textbook convolution; deep learning's conv2d is a cross-correlation and uses the kernel as it is.
# hint: Try a 2x2 kernel [[1, 0], [0, -1]] on a simple image: the first output should be the top-left pixel minus the one diagonally below it. Is yours reversed?
def conv2d_loops(x, weight, bias=None, stride=1, padding=0):
    """x (N, C, H, W), weight (O, C, kh, kw), bias (O,) or None -> (N, O, OH, OW), with explicit loops."""
    x, weight = np.asarray(x, dtype=float), np.asarray(weight, dtype=float)
    n_images, _, h, w = x.shape
    n_out, _, kh, kw = weight.shape
    weight = weight[:, :, ::-1, ::-1]  # the textbook convolution flips the kernel
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    oh, ow = conv_output_size(h, kh, stride, padding), conv_output_size(w, kw, stride, padding)
    out = np.zeros((n_images, n_out, oh, ow))
    for n in range(n_images):
        for o in range(n_out):
            for i in range(oh):
                for j in range(ow):
                    window = xp[n, :, i * stride:i * stride + kh, j * stride:j * stride + kw]
                    out[n, o, i, j] = np.sum(window * weight[o])
            if bias is not None:
                out[n, o] += bias[o]
    return out
