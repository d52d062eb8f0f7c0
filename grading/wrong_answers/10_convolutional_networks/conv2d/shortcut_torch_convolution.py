# mistake: Calls the library's torch.convolution
# why: The exercise asks for your own vectorized convolution with NumPy; torch.convolution is the engine under torch's conv2d.
# hint: Gather the windows with sliding_window_view and combine them with the kernels in one einsum or tensordot.
def conv2d(x, weight, bias=None, stride=1, padding=0):
    """x (N, C, H, W), weight (O, C, kh, kw), bias (O,) or None -> (N, O, OH, OW), vectorized."""
    # torch.convolution: the engine under every torch conv, not named conv2d.
    t = lambda a: torch.tensor(np.asarray(a, dtype=float))
    out = torch.convolution(t(x), t(weight), None if bias is None else t(bias), [stride, stride], [padding, padding],
                            [1, 1], False, [0, 0], 1)
    return out.numpy()
