# mistake: SNR ratio inverted
# why: The signal power is multiplied by 10 ** (snr / 10) instead of divided, so at 10 dB the noise comes out 10 dB stronger than the signal.
# hint: A higher SNR must mean less noise: check whether your noise grows or shrinks as snr_db grows.
def add_noise(waves, snr_db, rng):
    """Multiplied by 10 ** (snr / 10) instead of dividing: the noise is stronger than the signal."""
    waves = np.asarray(waves, dtype=float)
    noise = rng.standard_normal(waves.shape)
    p_signal = np.mean(waves ** 2, axis=-1, keepdims=True)
    p_noise = np.mean(noise ** 2, axis=-1, keepdims=True)
    return waves + noise * np.sqrt(p_signal * 10 ** (snr_db / 10) / p_noise)
