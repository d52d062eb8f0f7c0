# mistake: Divides the size before the rest
# why: It divides the size alone by the stride and then subtracts the kernel and adds the padding, so any stride above 1 gives the wrong count.
# hint: With stride 2, what is divided by the stride: the whole size, or the room left for the kernel's start positions? Try size 7, kernel 3, stride 2.
def conv_output_size(size, kernel, stride=1, padding=0):
    """Positions of a `kernel`-wide window along an axis of `size`, with zero `padding` on both sides and `stride`."""
    return size // stride - kernel + 1 + 2 * padding
