# mistake: Float division
# why: It uses / instead of //, so the count can be a fraction (3.5 for size 8, kernel 3, stride 2) and is never an int.
# hint: A number of positions is a whole number; what does your function return for size 8, kernel 3, stride 2?
def conv_output_size(size, kernel, stride=1, padding=0):
    """Positions of a `kernel`-wide window along an axis of `size`, with zero `padding` on both sides and `stride`."""
    return (size + 2 * padding - kernel) / stride + 1
