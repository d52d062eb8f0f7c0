# mistake: Calls the library's labkit spectrogram
# why: The exercise asks for your own spectrogram from your frames and np.fft; labkit.data.spectrogram computes it for you, so the check refuses it.
# hint: Frame the wave with your frame_signal and a Hann window, apply NumPy's real FFT to each frame and take magnitudes.
from labkit.data import spectrogram


def magnitude_spectrogram(wave, n_fft, hop_length):
    """labkit's dB spectrogram, converted back to magnitudes."""
    return 10 ** (spectrogram(np.asarray(wave, dtype=float), n_fft=n_fft, hop_length=hop_length, top_db=None).astype(float) / 20)
