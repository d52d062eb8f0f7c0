"""Synthesized vowels are learnable from spectrograms; the spectrogram matches torch.stft."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from labkit.data import load_vowels, spectrogram, spectrogram_frequencies
from labkit.data.vowels import synthesize_vowel


def test_logistic_regression_on_spectrograms_reaches_85_percent():
    ds = load_vowels(100, seed=0)
    features = spectrogram(ds.X, n_fft=512, hop_length=256).mean(axis=-1)  # (N, freq): average spectrum
    n_train = int(0.75 * len(ds))
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, C=0.1))
    model.fit(features[:n_train], ds.y[:n_train])
    accuracy = model.score(features[n_train:], ds.y[n_train:])
    assert accuracy >= 0.85, f"vowel accuracy {accuracy:.3f} < 0.85"


def test_spectrogram_matches_torch_stft():
    wave = np.random.default_rng(0).normal(size=2000)
    ours = spectrogram(wave, n_fft=128, hop_length=40, top_db=None)
    reference = torch.stft(torch.tensor(wave), n_fft=128, hop_length=40, window=torch.hann_window(128, periodic=False,
                           dtype=torch.float64), center=False, return_complex=True).abs()
    np.testing.assert_allclose(ours, 20 * np.log10(reference.numpy()), rtol=1e-4, atol=1e-3)
    assert ours.shape == (65, 1 + (2000 - 128) // 40)


def test_spectrogram_peak_of_a_tone_and_batches():
    sr, f = 8000, 1000.0
    t = np.arange(4000) / sr
    tone = np.sin(2 * np.pi * f * t)
    spec = spectrogram(tone, n_fft=256)
    freqs = spectrogram_frequencies(256, sr)
    assert freqs[np.argmax(spec.mean(axis=1))] == pytest.approx(f, abs=sr / 256)
    batch = spectrogram(np.stack([tone, tone, tone]), n_fft=256)
    assert batch.shape == (3, *spec.shape)
    np.testing.assert_allclose(batch[1], spec)
    assert spec.max() - spec.min() <= 80.0 + 1e-3  # the top_db floor
    with pytest.raises(ValueError, match="fewer than n_fft"):
        spectrogram(tone[:100], n_fft=256)


def test_formants_show_up_as_spectral_peaks():
    """A clean /a/ of a man: the spectral envelope peaks near F1 and F2."""
    wave = synthesize_vowel((730.0, 1090.0, 2440.0), 100.0, sample_rate=16000, duration=0.3)
    spec = spectrogram(wave, n_fft=1024, hop_length=512, top_db=None).mean(axis=1)
    freqs = spectrogram_frequencies(1024, 16000)
    band = (freqs > 500) & (freqs < 1300)
    assert 600 < freqs[band][np.argmax(spec[band])] < 1200
    assert spec[np.argmin(abs(freqs - 730))] > spec[np.argmin(abs(freqs - 3500))] + 20


def test_metadata_per_wave():
    ds = load_vowels(10, vowels=("iy", "uw"), sample_rate=8000, seed=1)
    assert ds.X.shape == (20, 2400) and ds.extras["sample_rate"] == 8000
    assert np.abs(ds.X).max() <= 1.0
    assert set(np.unique(ds.extras["speaker"])) <= {0, 1, 2}
    iy = ds.extras["formants"][ds.y == 0]
    uw = ds.extras["formants"][ds.y == 1]
    assert iy[:, 1].min() > uw[:, 1].max()  # F2 of "heed" is far above F2 of "who'd"
