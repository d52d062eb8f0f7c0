def frame_signal(wave, frame_length, hop_length, window):
    """Off by one: forgot the + 1 in the number of frames."""
    wave = np.asarray(wave, dtype=float)
    n_frames = (len(wave) - frame_length) // hop_length
    return np.array([wave[t * hop_length: t * hop_length + frame_length] * window for t in range(n_frames)])
