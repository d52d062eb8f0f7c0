# mistake: Frames as columns, not rows
# why: The frames are stacked along axis 1, giving (frame_length, n_frames); the exercise asks for one frame per row, (n_frames, frame_length).
# hint: Check the shape of your result: rows are frames, columns are samples.
def frame_signal(wave, frame_length, hop_length, window):
    """Frames as columns (frame_length, n_frames) instead of rows."""
    wave = np.asarray(wave, dtype=float)
    n_frames = 1 + (len(wave) - frame_length) // hop_length
    return np.stack([wave[t * hop_length: t * hop_length + frame_length] * window for t in range(n_frames)], axis=1)
