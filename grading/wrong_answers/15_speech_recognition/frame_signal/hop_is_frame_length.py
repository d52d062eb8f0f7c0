def frame_signal(wave, frame_length, hop_length, window):
    """Frames placed end to end: stepped by frame_length instead of hop_length."""
    wave = np.asarray(wave, dtype=float)
    n_frames = len(wave) // frame_length
    return np.array([wave[t * frame_length: (t + 1) * frame_length] * window for t in range(n_frames)])
