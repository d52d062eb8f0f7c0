# mistake: n_mels points instead of n_mels + 2
# why: Only n_mels points are placed, but each triangle needs a left edge, a centre and a right edge, so there are only n_mels - 2 filters.
# hint: How many triangles do k points give, if each uses three neighbours? You need n_mels + 2 points for n_mels filters.
def mel_filterbank(n_mels, n_fft, sample_rate):
    """n_mels points: two filters short."""
    points = 700 * (10 ** (np.linspace(0.0, 2595 * np.log10(1 + sample_rate / 2 / 700), n_mels) / 2595) - 1)
    freqs = np.arange(n_fft // 2 + 1) * sample_rate / n_fft
    left, centre, right = points[:-2, None], points[1:-1, None], points[2:, None]
    return np.maximum(0.0, np.minimum((freqs - left) / (centre - left), (right - freqs) / (right - centre)))
