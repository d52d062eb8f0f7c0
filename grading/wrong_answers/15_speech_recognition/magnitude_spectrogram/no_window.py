# mistake: Hann window left out
# why: The frames are cut with a window of ones (a rectangular window), so spectral leakage smears energy into bins the tone does not have.
# hint: Which window does the exercise ask you to pass to frame_signal?
def magnitude_spectrogram(wave, n_fft, hop_length):
    """A rectangular window: frames cut out without the Hann taper."""
    frames = frame_signal(wave, n_fft, hop_length, np.ones(n_fft))
    return np.abs(np.fft.rfft(frames, axis=1)).T
