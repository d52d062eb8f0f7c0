# mistake: Calls the library's max_pool2d
# why: The exercise asks for your own max pooling with NumPy; torch.nn.functional.max_pool2d does it for you.
# hint: Loop over the output positions and take each window's max along the two image axes.
def max_pool2d(x, size=2, stride=None):
    """x (N, C, H, W) -> (N, C, OH, OW): the maximum of each size x size window, per channel."""
    x = np.asarray(x, dtype=float)
    return torch.nn.functional.max_pool2d(torch.tensor(x), size, stride).numpy()
