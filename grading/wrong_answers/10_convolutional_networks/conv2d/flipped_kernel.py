# mistake: Kernel flipped (true convolution)
# why: The kernel is reversed on both axes before use, which is the textbook convolution; deep learning's conv2d does not flip.
# hint: Compare with your conv2d_loops on the same input: do they agree? Use the kernel as it is.
def conv2d(x, weight, bias=None, stride=1, padding=0):
    """x (N, C, H, W), weight (O, C, kh, kw), bias (O,) or None -> (N, O, OH, OW), vectorized."""
    x, weight = np.asarray(x, dtype=float), np.asarray(weight, dtype=float)
    kh, kw = weight.shape[2:]
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    windows = np.lib.stride_tricks.sliding_window_view(xp, (kh, kw), axis=(2, 3))[:, :, ::stride, ::stride]
    out = np.einsum("nchwij,ocij->nohw", windows, weight[:, :, ::-1, ::-1])
    if bias is not None:
        out = out + np.asarray(bias, dtype=float)[None, :, None, None]
    return out
