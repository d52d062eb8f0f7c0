# mistake: Python loop over the images
# why: The work per image is vectorized, but a Python loop still runs once per image, so the steps grow with the batch size and the check rejects it.
# hint: Can one einsum or tensordot handle the batch axis too? Then no loop over images is needed.
def conv2d(x, weight, bias=None, stride=1, padding=0):
    """x (N, C, H, W), weight (O, C, kh, kw), bias (O,) or None -> (N, O, OH, OW), vectorized."""
    # Vectorized inside, but one image at a time: the Python loop over the batch is still there.
    x, weight = np.asarray(x, dtype=float), np.asarray(weight, dtype=float)
    kh, kw = weight.shape[2:]
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    windows = np.lib.stride_tricks.sliding_window_view(xp, (kh, kw), axis=(2, 3))[:, :, ::stride, ::stride]
    out = np.stack([np.tensordot(weight, windows[n], axes=([1, 2, 3], [0, 3, 4])) for n in range(len(x))])
    if bias is not None:
        out = out + np.asarray(bias, dtype=float)[None, :, None, None]
    return out
