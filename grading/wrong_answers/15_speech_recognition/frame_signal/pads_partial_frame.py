# mistake: Partial last frame padded with zeros
# why: The wave is padded with zeros so a last, incomplete frame is kept; the exercise keeps only complete frames that end inside the wave.
# hint: Does your last frame contain zeros that are not in the wave? Reread what 'complete' means in the exercise.
def frame_signal(wave, frame_length, hop_length, window):
    """Keeps a partial last frame, padded with zeros, instead of complete frames only."""
    wave = np.asarray(wave, dtype=float)
    n_frames = int(np.ceil((len(wave) - frame_length) / hop_length)) + 1
    padded = np.concatenate([wave, np.zeros(frame_length)])
    return np.array([padded[t * hop_length: t * hop_length + frame_length] * window for t in range(n_frames)])
