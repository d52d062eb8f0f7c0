import torch


def magnitude_spectrogram(wave, n_fft, hop_length):
    """torch.stft with the same window and no padding: the right numbers, not your own work."""
    window = torch.hann_window(n_fft, periodic=False, dtype=torch.float64)
    stft = torch.stft(torch.as_tensor(np.asarray(wave, dtype=float)), n_fft=n_fft, hop_length=hop_length,
                      window=window, center=False, return_complex=True)
    return stft.abs().numpy()
