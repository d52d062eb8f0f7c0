def frame_signal(wave, frame_length, hop_length, window):
    """wave (L,) -> (n_frames, frame_length): overlapping frames, each multiplied by window (frame_length,)."""
    wave = np.asarray(wave, dtype=float)
    frames = []
    start = 0
    while start + frame_length <= len(wave):
        frames.append(wave[start:start + frame_length] * window)
        start += hop_length
    return np.array(frames)
