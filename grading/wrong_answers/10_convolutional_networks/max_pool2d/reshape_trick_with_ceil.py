# mistake: Pads to fit (ceil mode)
# why: It pads the image with zeros to a multiple of size and reshapes, which keeps windows that stick out (and a zero can beat negative values); it also ignores stride.
# hint: On a 7-pixel side with size 2 you should get 3 windows, not 4. Pool a 7x7 image of all -1: what comes back?
def max_pool2d(x, size=2, stride=None):
    """x (N, C, H, W) -> (N, C, OH, OW): the maximum of each size x size window, per channel."""
    x = np.asarray(x, dtype=float)
    # pad to a multiple of size with zeros, then reshape into blocks (ceil mode, and zeros can win)
    stride = size if stride is None else stride
    n, c, h, w = x.shape
    H2, W2 = -(-h // size) * size, -(-w // size) * size
    padded = np.zeros((n, c, H2, W2))
    padded[:, :, :h, :w] = x
    return padded.reshape(n, c, H2 // size, size, W2 // size, size).max(axis=(3, 5))
