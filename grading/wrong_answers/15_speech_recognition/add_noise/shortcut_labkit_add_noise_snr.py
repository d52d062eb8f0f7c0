from labkit.augment import add_noise_snr


def add_noise(waves, snr_db, rng):
    """labkit's version does exactly this."""
    return add_noise_snr(np.asarray(waves, dtype=float), snr_db, seed=rng)
