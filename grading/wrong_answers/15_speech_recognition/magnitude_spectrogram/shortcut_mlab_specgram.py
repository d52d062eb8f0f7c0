# mistake: Calls the library's matplotlib specgram
# why: The exercise asks for your own spectrogram from your frames and np.fft; matplotlib's mlab.specgram computes it for you, so the check refuses it.
# hint: Frame the wave with your frame_signal and a Hann window, apply NumPy's real FFT to each frame and take magnitudes.
from matplotlib import mlab


def magnitude_spectrogram(wave, n_fft, hop_length):
    """matplotlib's specgram in magnitude mode (it divides by the window's sum: multiply it back)."""
    window = np.hanning(n_fft)
    spec, _, _ = mlab.specgram(np.asarray(wave, dtype=float), NFFT=n_fft, noverlap=n_fft - hop_length, window=window,
                               mode="magnitude", detrend="none", sides="onesided")
    return spec * window.sum()
