# mistake: Calls the library's sliding_window_view
# why: The exercise asks for your own framing with indexing or a loop; NumPy's stride-tricks sliding_window_view cuts the windows for you, so the check refuses it.
# hint: Compute the start of each frame from hop_length and slice (or index) the wave yourself, then multiply by the window.
def frame_signal(wave, frame_length, hop_length, window):
    """NumPy's sliding_window_view cuts every window; keep every hop_length-th."""
    windows = np.lib.stride_tricks.sliding_window_view(np.asarray(wave, dtype=float), frame_length)
    return windows[::hop_length] * np.asarray(window, dtype=float)
