# mistake: Calls the library's labkit add_noise_snr
# why: The exercise asks for your own noise at a given SNR written with NumPy; labkit.augment.add_noise_snr does it for you, so the check refuses it.
# hint: Draw the noise with rng, measure both powers per wave, and scale the noise yourself.
from labkit.augment import add_noise_snr


def add_noise(waves, snr_db, rng):
    """labkit's version does exactly this."""
    return add_noise_snr(np.asarray(waves, dtype=float), snr_db, seed=rng)
