# mistake: Not transposed: frames as rows
# why: The magnitudes are returned as (n_frames, frequencies); the exercise asks for frequencies as rows and frames as columns.
# hint: Check your shape against (n_fft // 2 + 1, n_frames): which axis holds the frequencies?
def magnitude_spectrogram(wave, n_fft, hop_length):
    """Forgot to transpose: rows are frames, columns frequencies."""
    frames = frame_signal(wave, n_fft, hop_length, np.hanning(n_fft))
    return np.abs(np.fft.rfft(frames, axis=1))
