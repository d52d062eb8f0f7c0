# A filter at a time with np.interp through its three points, and natural logs in both conversions
# (the points come out the same: spacing evenly in c * log(1 + f / 700) does not depend on c).
def mel_filterbank(n_mels, n_fft, sample_rate):
    def hz_to_mel(f):
        return 1127.0 * np.log(1 + f / 700.0)

    def mel_to_hz(m):
        return 700.0 * (np.exp(m / 1127.0) - 1)

    points = [mel_to_hz(m) for m in np.linspace(0.0, hz_to_mel(sample_rate / 2), n_mels + 2)]
    freqs = [k * sample_rate / n_fft for k in range(n_fft // 2 + 1)]
    return np.array([np.interp(freqs, points[m:m + 3], [0.0, 1.0, 0.0], left=0.0, right=0.0) for m in range(n_mels)])
