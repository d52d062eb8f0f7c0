# mistake: Power spectrogram (squared magnitudes)
# why: The magnitudes are squared, which gives the power spectrogram; the exercise asks for |X| itself.
# hint: Compare one value with the magnitude you expect: is yours its square?
def magnitude_spectrogram(wave, n_fft, hop_length):
    """The power spectrogram |X|^2 instead of the magnitude."""
    frames = frame_signal(wave, n_fft, hop_length, np.hanning(n_fft))
    return (np.abs(np.fft.rfft(frames, axis=1)) ** 2).T
