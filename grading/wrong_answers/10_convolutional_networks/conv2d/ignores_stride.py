# mistake: Stride ignored
# why: All windows are kept, so with stride above 1 the output has every position instead of every stride-th one and the wrong shape.
# hint: With stride 2 the output shape should match conv_output_size; which windows should you keep?
def conv2d(x, weight, bias=None, stride=1, padding=0):
    """x (N, C, H, W), weight (O, C, kh, kw), bias (O,) or None -> (N, O, OH, OW), vectorized."""
    x, weight = np.asarray(x, dtype=float), np.asarray(weight, dtype=float)
    kh, kw = weight.shape[2:]
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    windows = np.lib.stride_tricks.sliding_window_view(xp, (kh, kw), axis=(2, 3))
    out = np.einsum("nchwij,ocij->nohw", windows, weight)
    if bias is not None:
        out = out + np.asarray(bias, dtype=float)[None, :, None, None]
    return out
