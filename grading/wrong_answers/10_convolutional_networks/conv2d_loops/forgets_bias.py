# mistake: Bias missing
# why: The bias argument is never used, so every output channel is off by its bias.
# hint: Compare one output channel with the expected one: the difference is the same everywhere. Which argument is that?
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
                    window = xp[n, :, i * stride:i * stride + kh, j * stride:j * stride + kw]
                    out[n, o, i, j] = np.sum(window * weight[o])
    return out
