# mistake: Calls the library's sliding_windows
# why: The exercise asks you to gather the windows yourself with NumPy; labkit.nn.im2col.sliding_windows does it for you.
# hint: NumPy's own np.lib.stride_tricks.sliding_window_view gathers the windows; keep every stride-th one.
def conv2d(x, weight, bias=None, stride=1, padding=0):
    """x (N, C, H, W), weight (O, C, kh, kw), bias (O,) or None -> (N, O, OH, OW), vectorized."""
    from labkit.nn.im2col import sliding_windows

    x, weight = np.asarray(x, dtype=float), np.asarray(weight, dtype=float)
    kh, kw = weight.shape[2:]
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    windows = sliding_windows(xp, (kh, kw), (stride, stride))  # (N, C, kh, kw, OH, OW)
    out = np.einsum("ncijhw,ocij->nohw", windows, weight)
    if bias is not None:
        out = out + np.asarray(bias, dtype=float)[None, :, None, None]
    return out
