# mistake: Calls the library's labkit mel_filterbank
# why: The exercise asks for your own filterbank written with NumPy; labkit.data.mel_filterbank builds it for you, so the check refuses it.
# hint: Convert 0 Hz and the Nyquist frequency to mel, space n_mels + 2 points evenly between them, convert back to hertz and build each triangle from three neighbouring points.
from labkit.data import mel_filterbank as _labkit_mel_filterbank


def mel_filterbank(n_mels, n_fft, sample_rate):
    """labkit's filterbank."""
    return _labkit_mel_filterbank(n_mels, n_fft, sample_rate)
