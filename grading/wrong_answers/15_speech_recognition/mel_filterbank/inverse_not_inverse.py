# mistake: mel_to_hz is not the inverse of hz_to_mel
# why: hz_to_mel uses log10 but mel_to_hz uses exp, so the points come back at the wrong frequencies (the top one at 900 Hz instead of 4000 Hz) and the filters crowd into the bottom of the spectrum.
# hint: Check that mel_to_hz(hz_to_mel(4000)) gives 4000. The inverse of log10 is a power of 10.
def mel_filterbank(n_mels, n_fft, sample_rate):
    """log10 on the way to mel, exp on the way back."""
    def hz_to_mel(f):
        return 2595 * np.log10(1 + np.asarray(f, dtype=float) / 700)

    def mel_to_hz(m):
        return 700 * (np.exp(np.asarray(m, dtype=float) / 2595) - 1)

    points = mel_to_hz(np.linspace(0.0, hz_to_mel(sample_rate / 2), n_mels + 2))
    freqs = np.arange(n_fft // 2 + 1) * sample_rate / n_fft
    left, centre, right = points[:-2, None], points[1:-1, None], points[2:, None]
    return np.maximum(0.0, np.minimum((freqs - left) / (centre - left), (right - freqs) / (right - centre)))
