def frame_signal(wave, frame_length, hop_length, window):
    """Keeps a partial last frame, padded with zeros, instead of complete frames only."""
    wave = np.asarray(wave, dtype=float)
    n_frames = int(np.ceil((len(wave) - frame_length) / hop_length)) + 1
    padded = np.concatenate([wave, np.zeros(frame_length)])
    return np.array([padded[t * hop_length: t * hop_length + frame_length] * window for t in range(n_frames)])
