# mistake: Own STFT instead of your spectrogram
# why: The average log spectrum is a good feature, but it is computed with a framing and FFT of its own; the exercise asks for features built from your magnitude_spectrogram, and the check verifies that they follow it.
# hint: Call your magnitude_spectrogram for each wave and build the features from what it returns.
def vowel_features(waves):
    """A good average log spectrum, but computed with a framing and FFT of its own instead of magnitude_spectrogram."""
    waves = np.asarray(waves, dtype=float)
    starts = np.arange(0, waves.shape[1] - 256 + 1, 128)
    frames = waves[:, starts[:, None] + np.arange(256)] * np.hanning(256)  # (N, frames, 256)
    return np.log(np.abs(np.fft.rfft(frames, axis=-1)).mean(axis=1) + 1e-6)
