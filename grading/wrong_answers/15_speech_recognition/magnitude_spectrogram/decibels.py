# mistake: Decibels instead of magnitudes
# why: The magnitudes are converted to decibels with 20 log10, but the exercise asks for the plain magnitudes, with no logarithm yet.
# hint: Your values are negative for quiet bins: is there a logarithm that the exercise said to leave out?
def magnitude_spectrogram(wave, n_fft, hop_length):
    """Converted to decibels although the exercise asks for magnitudes."""
    frames = frame_signal(wave, n_fft, hop_length, np.hanning(n_fft))
    return 20 * np.log10(np.maximum(np.abs(np.fft.rfft(frames, axis=1)), 1e-10)).T
