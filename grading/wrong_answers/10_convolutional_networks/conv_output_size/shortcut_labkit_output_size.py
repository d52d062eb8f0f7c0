# mistake: Calls the library's output_size
# why: The exercise asks for your own formula; labkit.nn.im2col.output_size computes the count for you.
# hint: Work it out from the description: the padded length, the room for the window's start, the stride, and the first position.
def conv_output_size(size, kernel, stride=1, padding=0):
    """Positions of a `kernel`-wide window along an axis of `size`, with zero `padding` on both sides and `stride`."""
    from labkit.nn.im2col import output_size

    return output_size(size, kernel, stride, padding)
