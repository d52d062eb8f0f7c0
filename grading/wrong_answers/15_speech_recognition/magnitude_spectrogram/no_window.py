def magnitude_spectrogram(wave, n_fft, hop_length):
    """A rectangular window: frames cut out without the Hann taper."""
    frames = frame_signal(wave, n_fft, hop_length, np.ones(n_fft))
    return np.abs(np.fft.rfft(frames, axis=1)).T
