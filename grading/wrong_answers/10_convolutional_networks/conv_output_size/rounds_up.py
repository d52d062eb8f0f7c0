# mistake: Rounds up
# why: It rounds the division up, which counts a start position that would let the window stick out of the padded input.
# hint: For size 8, kernel 3, stride 2, list the start positions 0, 2, 4, 6: does the window starting at 6 fit? Which rounding drops it?
def conv_output_size(size, kernel, stride=1, padding=0):
    """Positions of a `kernel`-wide window along an axis of `size`, with zero `padding` on both sides and `stride`."""
    return int(np.ceil((size + 2 * padding - kernel) / stride)) + 1
