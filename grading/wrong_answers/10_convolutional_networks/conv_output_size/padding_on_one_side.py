# mistake: Padding on one side only
# why: It adds padding once, but zeros are added on both sides of the axis, so the padded length grows by twice the padding.
# hint: With padding 1 and kernel 3, an 8-pixel axis should keep 8 positions. How many zeros does padding add in total?
def conv_output_size(size, kernel, stride=1, padding=0):
    """Positions of a `kernel`-wide window along an axis of `size`, with zero `padding` on both sides and `stride`."""
    return (size + padding - kernel) // stride + 1
