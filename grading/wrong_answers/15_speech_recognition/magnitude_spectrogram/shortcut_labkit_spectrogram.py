from labkit.data import spectrogram


def magnitude_spectrogram(wave, n_fft, hop_length):
    """labkit's dB spectrogram, converted back to magnitudes."""
    return 10 ** (spectrogram(np.asarray(wave, dtype=float), n_fft=n_fft, hop_length=hop_length, top_db=None).astype(float) / 20)
