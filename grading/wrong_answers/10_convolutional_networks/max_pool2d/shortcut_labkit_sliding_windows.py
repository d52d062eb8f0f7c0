# mistake: Calls the library's sliding_windows
# why: The exercise asks for your own max pooling with NumPy; labkit.nn.im2col.sliding_windows gathers the windows for you.
# hint: Loop over the output positions and take each window's max along the two image axes.
def max_pool2d(x, size=2, stride=None):
    """x (N, C, H, W) -> (N, C, OH, OW): the maximum of each size x size window, per channel."""
    from labkit.nn.im2col import sliding_windows

    x = np.asarray(x, dtype=float)
    stride = size if stride is None else stride
    return sliding_windows(x, (size, size), (stride, stride)).max(axis=(2, 3))
