# mistake: Bias on the wrong axis
# why: The bias (O,) is added without reshaping, so NumPy broadcasts it along the last axis (width) instead of the output channels, or fails when the widths differ.
# hint: The output is (N, O, OH, OW); the bias belongs to axis 1. Which shape lets it broadcast there?
def conv2d(x, weight, bias=None, stride=1, padding=0):
    """x (N, C, H, W), weight (O, C, kh, kw), bias (O,) or None -> (N, O, OH, OW), vectorized."""
    x, weight = np.asarray(x, dtype=float), np.asarray(weight, dtype=float)
    kh, kw = weight.shape[2:]
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    windows = np.lib.stride_tricks.sliding_window_view(xp, (kh, kw), axis=(2, 3))[:, :, ::stride, ::stride]
    out = np.einsum("nchwij,ocij->nohw", windows, weight)
    if bias is not None:
        out = out + np.asarray(bias, dtype=float)  # broadcasts along the last axis (width), not the channels
    return out
