# mistake: Window not applied
# why: The frames are cut correctly but never multiplied by the window, so their sharp edges add energy at frequencies that are not in the sound.
# hint: Which argument does your function never use?
def frame_signal(wave, frame_length, hop_length, window):
    """Forgot to apply the window."""
    wave = np.asarray(wave, dtype=float)
    n_frames = 1 + (len(wave) - frame_length) // hop_length
    return np.array([wave[t * hop_length: t * hop_length + frame_length] for t in range(n_frames)])
