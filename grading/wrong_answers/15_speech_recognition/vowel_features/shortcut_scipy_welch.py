# mistake: Calls the library's scipy welch
# why: The exercise asks for features made from your own magnitude_spectrogram; scipy.signal.welch computes an averaged spectrum for you, so the check refuses it.
# hint: Call your magnitude_spectrogram from exercise 2 for each wave and build the features from it.
from scipy.signal import welch


def vowel_features(waves):
    """scipy's Welch average of the frames' power spectra, on a log scale."""
    _, power = welch(np.asarray(waves, dtype=float), nperseg=256, noverlap=128, window="hann", axis=-1)
    return np.log(power + 1e-12)
