# mistake: Calls the library's torch.stft
# why: The exercise asks for your own spectrogram from your frames and np.fft; torch.stft computes it for you, so the check refuses it.
# hint: Frame the wave with your frame_signal and a Hann window, apply NumPy's real FFT to each frame and take magnitudes.
import torch


def magnitude_spectrogram(wave, n_fft, hop_length):
    """torch.stft with the same window and no padding: the right numbers, not your own work."""
    window = torch.hann_window(n_fft, periodic=False, dtype=torch.float64)
    stft = torch.stft(torch.as_tensor(np.asarray(wave, dtype=float)), n_fft=n_fft, hop_length=hop_length,
                      window=window, center=False, return_complex=True)
    return stft.abs().numpy()
