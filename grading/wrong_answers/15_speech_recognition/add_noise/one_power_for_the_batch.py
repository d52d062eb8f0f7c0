def add_noise(waves, snr_db, rng):
    """One signal power for the whole batch: quiet waves get too much noise, loud ones too little."""
    waves = np.asarray(waves, dtype=float)
    noise = rng.standard_normal(waves.shape)
    return waves + noise * np.sqrt(np.mean(waves ** 2) / (np.mean(noise ** 2) * 10 ** (snr_db / 10)))
