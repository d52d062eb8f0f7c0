"""Short-time Fourier transform magnitude in decibels: the picture of sound that speech models read."""

from __future__ import annotations

import numpy as np

from labkit.data.validation import check_float, check_int


def spectrogram(
    wave: np.ndarray, n_fft: int = 256, hop_length: int | None = None, top_db: float | None = 80.0
) -> np.ndarray:
    """|STFT| in dB of a wave (L,) -> (freq, time), or of a batch (..., L) -> (..., freq, time).

    n_fft: samples per frame (a Hann window); freq = n_fft // 2 + 1 bins from 0 to
        sample_rate / 2. hop_length: step between frames (default n_fft // 4);
        time = 1 + (L - n_fft) // hop_length frames (no padding).
    top_db: floor each spectrogram at its maximum minus ``top_db`` (None: no floor).
    Values are 20 log10(|X|) with |X| >= 1e-10, float32.
    """
    wave = np.asarray(wave)
    if wave.ndim == 0 or not np.issubdtype(wave.dtype, np.number):
        raise ValueError(f"spectrogram expects a wave (L,) or a batch (..., L) of numbers, got {wave!r:.60}.")
    n_fft = check_int("n_fft", n_fft, minimum=2)
    hop_length = n_fft // 4 if hop_length is None else check_int("hop_length", hop_length, minimum=1)
    if wave.shape[-1] < n_fft:
        raise ValueError(
            f"the wave has {wave.shape[-1]} samples, fewer than n_fft={n_fft}; use a smaller n_fft or a longer wave."
        )
    frames = np.lib.stride_tricks.sliding_window_view(wave.astype(np.float64), n_fft, axis=-1)
    frames = frames[..., ::hop_length, :]  # (..., time, n_fft)
    spectrum = np.fft.rfft(frames * np.hanning(n_fft), axis=-1)  # (..., time, freq)
    db = 20.0 * np.log10(np.maximum(np.abs(spectrum), 1e-10))
    if top_db is not None:
        top_db = check_float("top_db", top_db, 0.0, inclusive_min=False)
        db = np.maximum(db, db.max(axis=(-2, -1), keepdims=True) - top_db)
    return np.swapaxes(db, -1, -2).astype(np.float32)  # (..., freq, time)


def spectrogram_frequencies(n_fft: int, sample_rate: float) -> np.ndarray:
    """The centre frequency in Hz of each row of ``spectrogram(..., n_fft)``: (n_fft // 2 + 1,)."""
    return np.fft.rfftfreq(check_int("n_fft", n_fft, minimum=2), d=1.0 / sample_rate)


def hz_to_mel(frequency) -> np.ndarray:
    """Hertz -> mel: ``2595 log10(1 + f / 700)``, the formula HTK and ``torchaudio`` (mel_scale="htk") use.

    The mel scale (Stevens, Volkmann & Newman, 1937) spaces frequencies as listeners judge equal
    steps of pitch: about linear below 1 kHz (1,000 Hz is 1,000 mel), logarithmic above.
    """
    frequency = np.asarray(frequency, dtype=float)
    if np.any(frequency < 0):
        raise ValueError(f"hz_to_mel expects frequencies >= 0 Hz, got a minimum of {frequency.min()} Hz.")
    return 2595.0 * np.log10(1.0 + frequency / 700.0)


def mel_to_hz(mel) -> np.ndarray:
    """Mel -> hertz, the inverse of :func:`hz_to_mel`: ``700 (10^(m / 2595) - 1)``."""
    return 700.0 * (10.0 ** (np.asarray(mel, dtype=float) / 2595.0) - 1.0)


def mel_filterbank(n_mels: int, n_fft: int, sample_rate: float, f_min: float = 0.0,
                   f_max: float | None = None) -> np.ndarray:
    """Triangular filters evenly spaced on the mel scale: (n_mels, n_fft // 2 + 1).

    ``n_mels + 2`` points are spaced evenly in mel from ``f_min`` to ``f_max`` (default: the
    Nyquist frequency ``sample_rate / 2``) and turned back into hertz; filter ``m`` rises linearly
    from 0 at point ``m`` to 1 at point ``m + 1`` and falls back to 0 at point ``m + 2``, evaluated
    at the frequency of each row of a spectrogram (``spectrogram_frequencies(n_fft, sample_rate)``).
    ``filterbank @ power_spectrogram`` (freq, time) -> (n_mels, time) band energies. Peaks are 1
    (no area normalisation): ``torchaudio.functional.melscale_fbanks(..., norm=None,
    mel_scale="htk")`` transposed.
    """
    n_mels = check_int("n_mels", n_mels, minimum=1)
    n_fft = check_int("n_fft", n_fft, minimum=2)
    sample_rate = check_float("sample_rate", sample_rate, 0.0, inclusive_min=False)
    f_max = sample_rate / 2 if f_max is None else check_float("f_max", f_max, 0.0, inclusive_min=False)
    f_min = check_float("f_min", f_min, 0.0)
    if not f_min < f_max <= sample_rate / 2:
        raise ValueError(f"mel_filterbank expects 0 <= f_min < f_max <= sample_rate / 2 = {sample_rate / 2} Hz, "
                         f"got f_min={f_min}, f_max={f_max}.")
    points = mel_to_hz(np.linspace(hz_to_mel(f_min), hz_to_mel(f_max), n_mels + 2))  # (n_mels + 2,) Hz
    freqs = spectrogram_frequencies(n_fft, sample_rate)[None, :]  # (1, F)
    left, centre, right = points[:-2, None], points[1:-1, None], points[2:, None]  # (n_mels, 1) each
    rising = (freqs - left) / (centre - left)
    falling = (right - freqs) / (right - centre)
    return np.maximum(0.0, np.minimum(rising, falling))  # (n_mels, F)
