# mistake: Spectrogram called but its values unused
# why: magnitude_spectrogram is called only for its number of rows; the features come from the FFT of the whole wave, so they do not follow your spectrogram, which the check verifies.
# hint: The features must be computed from what magnitude_spectrogram returns, not only from its shape.
def vowel_features(waves):
    """Calls magnitude_spectrogram (to know how many bins to make) but builds the features from the FFT of the whole wave."""
    rows = []
    for wave in np.asarray(waves, dtype=float):
        n_bins = magnitude_spectrogram(wave, 256, 128).shape[0]
        spectrum = np.abs(np.fft.rfft(wave * np.hanning(len(wave))))
        rows.append(np.log(np.array([chunk.mean() for chunk in np.array_split(spectrum, n_bins)]) + 1e-6))
    return np.array(rows)
