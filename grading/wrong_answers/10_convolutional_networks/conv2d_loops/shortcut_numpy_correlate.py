# mistake: Calls the library's np.correlate
# why: The exercise asks for your own sliding of the kernel; np.correlate slides each kernel row for you, and it is off limits.
# hint: Loop over the output positions yourself and take each window as a slice of the padded input.
def conv2d_loops(x, weight, bias=None, stride=1, padding=0):
    """x (N, C, H, W), weight (O, C, kh, kw), bias (O,) or None -> (N, O, OH, OW), with explicit loops."""
    # Rows of the window correlated with np.correlate: a library correlation does the sliding.
    x, weight = np.asarray(x, dtype=float), np.asarray(weight, dtype=float)
    n_images, n_in, h, w = x.shape
    n_out, _, kh, kw = weight.shape
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    oh, ow = conv_output_size(h, kh, stride, padding), conv_output_size(w, kw, stride, padding)
    out = np.zeros((n_images, n_out, oh, ow))
    for n in range(n_images):
        for o in range(n_out):
            for i in range(oh):
                row = np.zeros(xp.shape[3] - kw + 1)
                for c in range(n_in):
                    for r in range(kh):
                        row += np.correlate(xp[n, c, i * stride + r], weight[o, c, r], mode="valid")
                out[n, o, i] = row[::stride][:ow] + (0 if bias is None else bias[o])
    return out
