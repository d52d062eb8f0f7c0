# mistake: Power ratio used as amplitude scale
# why: The noise samples are scaled by the power ratio itself; samples scale amplitudes, and power grows with the square of the amplitude, so the square root is missing.
# hint: If you multiply samples by s, by how much does their power change? Scale the noise accordingly.
def add_noise(waves, snr_db, rng):
    """Scaled the noise samples by the power ratio itself instead of its square root."""
    waves = np.asarray(waves, dtype=float)
    noise = rng.standard_normal(waves.shape)
    p_signal = np.mean(waves ** 2, axis=-1, keepdims=True)
    p_noise = np.mean(noise ** 2, axis=-1, keepdims=True)
    return waves + noise * p_signal / (p_noise * 10 ** (snr_db / 10))
