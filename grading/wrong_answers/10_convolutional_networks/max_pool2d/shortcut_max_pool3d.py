# mistake: Calls the library's max_pool3d
# why: The exercise asks for your own max pooling; torch's 3-d pooling over a depth of one is still a library pooling function.
# hint: Loop over the output positions and take each window's max along the two image axes.
def max_pool2d(x, size=2, stride=None):
    """x (N, C, H, W) -> (N, C, OH, OW): the maximum of each size x size window, per channel."""
    # torch's 3-d pooling over a depth of one.
    t = torch.tensor(np.asarray(x, dtype=float))[:, :, None]
    stride = size if stride is None else stride
    return torch.nn.functional.max_pool3d(t, (1, size, size), (1, stride, stride))[:, :, 0].numpy()
