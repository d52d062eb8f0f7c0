# mistake: Amplitude ratio used as power ratio
# why: The SNR is turned into a ratio with 10 ** (snr / 20), an amplitude ratio, but the formula divides powers, so the SNR comes out at half the decibels asked for.
# hint: Ask for 10 dB and measure: you get 5. Reread the dB formula: is it 10 or 20 times the log of a power ratio?
def add_noise(waves, snr_db, rng):
    """Used 10 ** (snr / 20) (an amplitude ratio) as the power ratio."""
    waves = np.asarray(waves, dtype=float)
    noise = rng.standard_normal(waves.shape)
    p_signal = np.mean(waves ** 2, axis=-1, keepdims=True)
    p_noise = np.mean(noise ** 2, axis=-1, keepdims=True)
    return waves + noise * np.sqrt(p_signal / (p_noise * 10 ** (snr_db / 20)))
