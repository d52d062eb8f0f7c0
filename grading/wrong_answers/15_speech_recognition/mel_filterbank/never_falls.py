# mistake: Filters rise but never fall
# why: Only the rising slope is used (capped at 1), so each filter stays at 1 above its centre and covers the whole top of the spectrum instead of a band.
# hint: After its centre, filter m falls back to 0 at point m + 2: take the minimum of the rising and the falling slope.
def mel_filterbank(n_mels, n_fft, sample_rate):
    """Rising edges only, capped at 1."""
    points = 700 * (10 ** (np.linspace(0.0, 2595 * np.log10(1 + sample_rate / 2 / 700), n_mels + 2) / 2595) - 1)
    freqs = np.arange(n_fft // 2 + 1) * sample_rate / n_fft
    left, centre = points[:-2, None], points[1:-1, None]
    return np.clip((freqs - left) / (centre - left), 0.0, 1.0)
