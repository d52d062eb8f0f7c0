# mistake: Only the first input channel
# why: The windows and the weights are cut to the first input channel before einsum, so the other channels never contribute.
# hint: The sum for one output runs over all input channels and both kernel axes; which channels reach your einsum?
def conv2d(x, weight, bias=None, stride=1, padding=0):
    """x (N, C, H, W), weight (O, C, kh, kw), bias (O,) or None -> (N, O, OH, OW), vectorized."""
    x, weight = np.asarray(x, dtype=float), np.asarray(weight, dtype=float)
    kh, kw = weight.shape[2:]
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    windows = np.lib.stride_tricks.sliding_window_view(xp, (kh, kw), axis=(2, 3))[:, :, ::stride, ::stride]
    out = np.einsum("nchwij,ocij->nohw", windows[:, :1], weight[:, :1])  # only the first input channel
    if bias is not None:
        out = out + np.asarray(bias, dtype=float)[None, :, None, None]
    return out
