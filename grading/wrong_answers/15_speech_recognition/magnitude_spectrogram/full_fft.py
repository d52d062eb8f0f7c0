def magnitude_spectrogram(wave, n_fft, hop_length):
    """np.fft.fft keeps all n_fft bins, the mirrored half too."""
    frames = frame_signal(wave, n_fft, hop_length, np.hanning(n_fft))
    return np.abs(np.fft.fft(frames, axis=1)).T
