def conv2d(x, weight, bias=None, stride=1, padding=0):
    """x (N, C, H, W), weight (O, C, kh, kw), bias (O,) or None -> (N, O, OH, OW), vectorized."""
    x, weight = np.asarray(x, dtype=float), np.asarray(weight, dtype=float)
    kh, kw = weight.shape[2:]
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    return conv2d_loops(x, weight, bias, stride, padding)  # right numbers, but no faster
