# mistake: Calls the library's conv2d
# why: The exercise asks for your own convolution with NumPy loops; torch.nn.functional.conv2d computes it for you.
# hint: Follow the three steps of the exercise: pad, size from your conv_output_size, four loops with a window sum.
def conv2d_loops(x, weight, bias=None, stride=1, padding=0):
    """x (N, C, H, W), weight (O, C, kh, kw), bias (O,) or None -> (N, O, OH, OW), with explicit loops."""
    x, weight = np.asarray(x, dtype=float), np.asarray(weight, dtype=float)
    n_images, _, h, w = x.shape
    n_out, _, kh, kw = weight.shape
    out = torch.nn.functional.conv2d(torch.tensor(x), torch.tensor(weight),
                                     None if bias is None else torch.tensor(np.asarray(bias, dtype=float)),
                                     stride=stride, padding=padding)
    return out.numpy()
