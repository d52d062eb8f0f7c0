def add_noise(waves, snr_db, rng):
    """Used 10 ** (snr / 20) (an amplitude ratio) as the power ratio."""
    waves = np.asarray(waves, dtype=float)
    noise = rng.standard_normal(waves.shape)
    p_signal = np.mean(waves ** 2, axis=-1, keepdims=True)
    p_noise = np.mean(noise ** 2, axis=-1, keepdims=True)
    return waves + noise * np.sqrt(p_signal / (p_noise * 10 ** (snr_db / 20)))
