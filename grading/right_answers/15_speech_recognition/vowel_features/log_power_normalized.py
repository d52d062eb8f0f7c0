def vowel_features(waves):
    """The average power spectrum of each wave, in decibels relative to its loudest bin (loudness removed)."""
    rows = []
    for wave in np.asarray(waves, dtype=float):
        power = (magnitude_spectrogram(wave, 256, 64) ** 2).mean(axis=1)  # (129,)
        rows.append(10 * np.log10(power / power.max() + 1e-10))
    return np.stack(rows)
