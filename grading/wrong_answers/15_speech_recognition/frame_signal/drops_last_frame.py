# mistake: Last complete frame dropped (off by one)
# why: The number of frames is computed without the + 1, so the last frame that still fits inside the wave is missing.
# hint: A wave exactly one frame long should give one frame: how many does your formula give? Count the frame that starts at 0.
def frame_signal(wave, frame_length, hop_length, window):
    """Off by one: forgot the + 1 in the number of frames."""
    wave = np.asarray(wave, dtype=float)
    n_frames = (len(wave) - frame_length) // hop_length
    return np.array([wave[t * hop_length: t * hop_length + frame_length] * window for t in range(n_frames)])
