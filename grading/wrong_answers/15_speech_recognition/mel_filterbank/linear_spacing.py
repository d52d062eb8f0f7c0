# mistake: Filters evenly spaced in hertz, not in mel
# why: The points are spaced evenly from 0 Hz to the Nyquist frequency, so every triangle has the same width: a linear filterbank, not one shaped like the ear's resolution.
# hint: Space the n_mels + 2 points evenly in mel (from hz_to_mel(0) to hz_to_mel(sample_rate / 2)) and only then convert them back to hertz.
def mel_filterbank(n_mels, n_fft, sample_rate):
    """Triangles whose edges are evenly spaced in hertz."""
    points = np.linspace(0.0, sample_rate / 2, n_mels + 2)
    freqs = np.arange(n_fft // 2 + 1) * sample_rate / n_fft
    left, centre, right = points[:-2, None], points[1:-1, None], points[2:, None]
    return np.maximum(0.0, np.minimum((freqs - left) / (centre - left), (right - freqs) / (right - centre)))
