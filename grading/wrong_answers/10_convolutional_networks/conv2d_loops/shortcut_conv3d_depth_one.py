# mistake: Calls the library's conv3d
# why: The exercise asks for your own convolution with NumPy loops; torch's conv3d over a depth of one is still a library convolution.
# hint: Loop over images, output channels and output positions, and sum each window times its kernel with NumPy.
def conv2d_loops(x, weight, bias=None, stride=1, padding=0):
    """x (N, C, H, W), weight (O, C, kh, kw), bias (O,) or None -> (N, O, OH, OW), with explicit loops."""
    # A 3-d convolution over a depth of one is a 2-d convolution.
    x = torch.tensor(np.asarray(x, dtype=float))[:, :, None]
    w = torch.tensor(np.asarray(weight, dtype=float))[:, :, None]
    b = None if bias is None else torch.tensor(np.asarray(bias, dtype=float))
    return torch.nn.functional.conv3d(x, w, b, stride=(1, stride, stride), padding=(0, padding, padding))[:, :, 0].numpy()
