# mistake: One power for the whole batch
# why: The signal and noise powers are averaged over the whole batch, so quiet waves get too much noise and loud ones too little; each wave needs its own SNR.
# hint: Measure the SNR of each wave in a batch with different loudness: are they all equal? Check the axis of your means.
def add_noise(waves, snr_db, rng):
    """One signal power for the whole batch: quiet waves get too much noise, loud ones too little."""
    waves = np.asarray(waves, dtype=float)
    noise = rng.standard_normal(waves.shape)
    return waves + noise * np.sqrt(np.mean(waves ** 2) / (np.mean(noise ** 2) * 10 ** (snr_db / 10)))
