# mistake: Forgets the first position
# why: It counts the room after the first position but not the first position itself, so every result is one too small (5 instead of 6 for size 8, kernel 3).
# hint: Count the start positions of a 3-wide window on 8 pixels by hand, starting from 0: how many are there?
def conv_output_size(size, kernel, stride=1, padding=0):
    """Positions of a `kernel`-wide window along an axis of `size`, with zero `padding` on both sides and `stride`."""
    return (size + 2 * padding - kernel) // stride
