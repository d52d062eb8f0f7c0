# mistake: Complex STFT returned, no magnitude
# why: The complex FFT values are returned as they are; the spectrogram is their magnitude.
# hint: Check the dtype of your result: a spectrogram holds real, non-negative numbers.
def magnitude_spectrogram(wave, n_fft, hop_length):
    """The complex STFT, without taking the magnitude."""
    frames = frame_signal(wave, n_fft, hop_length, np.hanning(n_fft))
    return np.fft.rfft(frames, axis=1).T
