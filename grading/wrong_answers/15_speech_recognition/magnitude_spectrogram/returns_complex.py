def magnitude_spectrogram(wave, n_fft, hop_length):
    """The complex STFT, without taking the magnitude."""
    frames = frame_signal(wave, n_fft, hop_length, np.hanning(n_fft))
    return np.fft.rfft(frames, axis=1).T
