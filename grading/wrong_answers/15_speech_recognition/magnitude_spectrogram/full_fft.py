# mistake: Full FFT keeps mirrored bins
# why: np.fft.fft returns all n_fft bins, the mirrored half included, so there are n_fft rows instead of n_fft // 2 + 1.
# hint: Count your rows: for a real signal only bins 0 to n_fft / 2 are needed. Which FFT function returns exactly those?
def magnitude_spectrogram(wave, n_fft, hop_length):
    """np.fft.fft keeps all n_fft bins, the mirrored half too."""
    frames = frame_signal(wave, n_fft, hop_length, np.hanning(n_fft))
    return np.abs(np.fft.fft(frames, axis=1)).T
