# mistake: Max over channels too
# why: The maximum is taken over the channel axis as well as the window, so every channel of an image gets the same value.
# hint: Pooling works on each channel on its own; which axes does your max reduce?
def max_pool2d(x, size=2, stride=None):
    """x (N, C, H, W) -> (N, C, OH, OW): the maximum of each size x size window, per channel."""
    x = np.asarray(x, dtype=float)
    stride = size if stride is None else stride
    oh, ow = conv_output_size(x.shape[2], size, stride), conv_output_size(x.shape[3], size, stride)
    out = np.empty(x.shape[:2] + (oh, ow))
    for i in range(oh):
        for j in range(ow):
            window = x[:, :, i * stride:i * stride + size, j * stride:j * stride + size]
            out[:, :, i, j] = window.max(axis=(1, 2, 3))[:, None]
    return out
