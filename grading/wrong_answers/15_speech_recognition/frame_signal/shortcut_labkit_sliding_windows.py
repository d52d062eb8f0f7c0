# mistake: Calls the library's labkit sliding_windows
# why: The exercise asks for your own framing with NumPy indexing or a loop; labkit's im2col sliding_windows cuts the windows for you, so the check refuses it.
# hint: Compute the start of each frame from hop_length and slice (or index) the wave yourself, then multiply by the window.
from labkit.nn.im2col import sliding_windows


def frame_signal(wave, frame_length, hop_length, window):
    """labkit's im2col windows of a 1 x L 'image', kernel 1 x frame_length, stride hop_length."""
    image = np.asarray(wave, dtype=float)[None, None, None, :]  # (N=1, C=1, H=1, W=L)
    view = sliding_windows(image, (1, frame_length), (1, hop_length))  # (1, 1, 1, frame_length, 1, n_frames)
    return view[0, 0, 0, :, 0, :].T * np.asarray(window, dtype=float)
