# mistake: Average instead of max
# why: It takes the mean of each window instead of its maximum, which is average pooling.
# hint: The top-left window [[1, 3], [4, 2]] should give 4; which reduction does your code apply?
def max_pool2d(x, size=2, stride=None):
    """x (N, C, H, W) -> (N, C, OH, OW): the maximum of each size x size window, per channel."""
    x = np.asarray(x, dtype=float)
    stride = size if stride is None else stride
    oh, ow = conv_output_size(x.shape[2], size, stride), conv_output_size(x.shape[3], size, stride)
    out = np.empty(x.shape[:2] + (oh, ow))
    for i in range(oh):
        for j in range(ow):
            out[:, :, i, j] = x[:, :, i * stride:i * stride + size, j * stride:j * stride + size].mean(axis=(2, 3))
    return out
