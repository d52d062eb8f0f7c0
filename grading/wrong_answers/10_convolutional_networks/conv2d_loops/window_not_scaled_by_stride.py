# mistake: Window start ignores the stride
# why: The window for output (i, j) starts at row i and column j instead of i * stride and j * stride, so with a stride the windows overlap instead of skipping.
# hint: With stride 2, where does the window for output column 1 start? Check the slice bounds of your window.
def conv2d_loops(x, weight, bias=None, stride=1, padding=0):
    """x (N, C, H, W), weight (O, C, kh, kw), bias (O,) or None -> (N, O, OH, OW), with explicit loops."""
    x, weight = np.asarray(x, dtype=float), np.asarray(weight, dtype=float)
    n_images, _, h, w = x.shape
    n_out, _, kh, kw = weight.shape
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    oh, ow = conv_output_size(h, kh, stride, padding), conv_output_size(w, kw, stride, padding)
    out = np.zeros((n_images, n_out, oh, ow))
    for n in range(n_images):
        for o in range(n_out):
            for i in range(oh):
                for j in range(ow):
                    window = xp[n, :, i:i + kh, j:j + kw]  # forgot the stride in the window's start
                    out[n, o, i, j] = np.sum(window * weight[o])
            if bias is not None:
                out[n, o] += bias[o]
    return out
