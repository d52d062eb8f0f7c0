# mistake: Default stride 1
# why: When stride is None it uses 1 instead of size, so the windows overlap and the output is almost as large as the input.
# hint: max_pool2d on a 4x4 image should give 2x2. What does the exercise say stride defaults to?
def max_pool2d(x, size=2, stride=None):
    """x (N, C, H, W) -> (N, C, OH, OW): the maximum of each size x size window, per channel."""
    x = np.asarray(x, dtype=float)
    stride = 1 if stride is None else stride
    oh, ow = conv_output_size(x.shape[2], size, stride), conv_output_size(x.shape[3], size, stride)
    out = np.empty(x.shape[:2] + (oh, ow))
    for i in range(oh):
        for j in range(ow):
            out[:, :, i, j] = x[:, :, i * stride:i * stride + size, j * stride:j * stride + size].max(axis=(2, 3))
    return out
