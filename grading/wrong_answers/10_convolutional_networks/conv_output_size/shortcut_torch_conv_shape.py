# mistake: Lets torch convolve to count
# why: The exercise asks for your own formula in plain Python; running torch's conv1d on zeros and reading the length lets the library count.
# hint: Work it out from the description: the padded length, the room for the window's start, the stride, and the first position.
def conv_output_size(size, kernel, stride=1, padding=0):
    """Positions of a `kernel`-wide window along an axis of `size`, with zero `padding` on both sides and `stride`."""
    # Let torch work it out: convolve zeros and read the length.
    return torch.nn.functional.conv1d(torch.zeros(1, 1, size), torch.zeros(1, 1, kernel), stride=stride,
                                      padding=padding).shape[-1]
