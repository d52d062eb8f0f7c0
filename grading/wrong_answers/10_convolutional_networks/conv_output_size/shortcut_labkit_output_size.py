def conv_output_size(size, kernel, stride=1, padding=0):
    """Positions of a `kernel`-wide window along an axis of `size`, with zero `padding` on both sides and `stride`."""
    from labkit.nn.im2col import output_size

    return output_size(size, kernel, stride, padding)
