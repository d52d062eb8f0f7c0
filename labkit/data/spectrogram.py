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
