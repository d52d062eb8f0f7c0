# mistake: Assumes the noise has power 1
# why: The scale assumes the drawn noise has power exactly 1; a finite draw does not, so the SNR is right only on average, not exactly.
# hint: Measure the power of the noise you actually drew: is it exactly 1? The exercise asks for an exact SNR.
def add_noise(waves, snr_db, rng):
    """Assumed the drawn noise has power exactly 1: the SNR is only right on average."""
    waves = np.asarray(waves, dtype=float)
    noise = rng.standard_normal(waves.shape)
    p_signal = np.mean(waves ** 2, axis=-1, keepdims=True)
    return waves + noise * np.sqrt(p_signal / 10 ** (snr_db / 10))
