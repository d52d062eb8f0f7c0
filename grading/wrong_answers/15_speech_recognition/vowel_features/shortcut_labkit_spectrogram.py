# mistake: Calls the library's labkit spectrogram
# why: The exercise asks for features made from your own magnitude_spectrogram; labkit.data.spectrogram computes the spectrogram for you, so the check refuses it.
# hint: Call your magnitude_spectrogram from exercise 2 for each wave and build the features from it.
from labkit.data import spectrogram


def vowel_features(waves):
    """labkit's spectrogram, averaged over time."""
    return spectrogram(np.asarray(waves, dtype=float), n_fft=256, hop_length=128).mean(axis=-1)
