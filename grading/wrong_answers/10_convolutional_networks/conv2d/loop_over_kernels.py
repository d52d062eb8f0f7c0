# mistake: Python loop over the kernels
# why: Each output channel is computed in a Python loop, so the number of steps grows with the number of kernels, which the exercise rules out.
# hint: Let one NumPy operation combine every window with every kernel at once, summing over channels and kernel axes.
def conv2d(x, weight, bias=None, stride=1, padding=0):
    """x (N, C, H, W), weight (O, C, kh, kw), bias (O,) or None -> (N, O, OH, OW), vectorized."""
    # One output channel at a time: a Python loop over the kernels.
    x, weight = np.asarray(x, dtype=float), np.asarray(weight, dtype=float)
    kh, kw = weight.shape[2:]
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    windows = np.lib.stride_tricks.sliding_window_view(xp, (kh, kw), axis=(2, 3))[:, :, ::stride, ::stride]
    out = np.empty((x.shape[0], weight.shape[0]) + windows.shape[2:4])
    for o in range(weight.shape[0]):
        out[:, o] = (windows * weight[o][None, :, None, None]).sum(axis=(1, 4, 5))
        if bias is not None:
            out[:, o] += bias[o]
    return out
