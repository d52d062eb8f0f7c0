# mistake: Calls the library's Conv2d
# why: The exercise asks for your own vectorized convolution with NumPy; labkit.nn.Conv2d computes it for you.
# hint: Gather the windows with sliding_window_view and combine them with the kernels in one einsum or tensordot.
def conv2d(x, weight, bias=None, stride=1, padding=0):
    """x (N, C, H, W), weight (O, C, kh, kw), bias (O,) or None -> (N, O, OH, OW), vectorized."""
    x, weight = np.asarray(x, dtype=float), np.asarray(weight, dtype=float)
    kh, kw = weight.shape[2:]
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    from labkit.nn import Conv2d

    layer = Conv2d(x.shape[1], weight.shape[0], (kh, kw), stride=stride, padding=padding, bias=bias is not None)
    layer.weight.data[...] = weight
    if bias is not None:
        layer.bias.data[...] = bias
    return layer(x)
