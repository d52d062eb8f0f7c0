# mistake: Triangles not clipped at zero
# why: The two slopes keep going below zero outside the triangle, so each filter has large negative weights far from its band and mixes in the whole spectrum.
# hint: What should a filter be at a frequency outside its three points? Take the maximum with 0.
def mel_filterbank(n_mels, n_fft, sample_rate):
    """The minimum of the rising and falling slopes, never clipped at 0."""
    points = 700 * (10 ** (np.linspace(0.0, 2595 * np.log10(1 + sample_rate / 2 / 700), n_mels + 2) / 2595) - 1)
    freqs = np.arange(n_fft // 2 + 1) * sample_rate / n_fft
    left, centre, right = points[:-2, None], points[1:-1, None], points[2:, None]
    return np.minimum((freqs - left) / (centre - left), (right - freqs) / (right - centre))
