# mistake: Calls the loop version
# why: It computes the right numbers by calling conv2d_loops, so it is exactly as slow as the loops and its steps still grow with the input.
# hint: The exercise asks for no Python loops over images, channels or positions; gather all windows at once and combine them in one NumPy operation.
def conv2d(x, weight, bias=None, stride=1, padding=0):
    """x (N, C, H, W), weight (O, C, kh, kw), bias (O,) or None -> (N, O, OH, OW), vectorized."""
    x, weight = np.asarray(x, dtype=float), np.asarray(weight, dtype=float)
    kh, kw = weight.shape[2:]
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    return conv2d_loops(x, weight, bias, stride, padding)  # right numbers, but no faster
