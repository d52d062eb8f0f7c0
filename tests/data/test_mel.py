"""labkit's mel scale and mel filterbank, against an independent construction and known values."""

from __future__ import annotations

import numpy as np
import pytest

from labkit.data import hz_to_mel, mel_filterbank, mel_to_hz, spectrogram_frequencies


def test_mel_scale_known_values_and_inverse():
    assert hz_to_mel(0.0) == 0.0
    assert hz_to_mel(700.0) == pytest.approx(2595 * np.log10(2))  # 781.17 mel
    assert hz_to_mel(1000.0) == pytest.approx(1000.0, abs=0.5)  # the scale's anchor: 1 kHz is about 1,000 mel
    f = np.random.default_rng(0).uniform(0, 20_000, 50)
    np.testing.assert_allclose(mel_to_hz(hz_to_mel(f)), f, rtol=1e-12, atol=1e-9)
    assert np.all(np.diff(hz_to_mel(np.sort(f))) > 0)


def _triangles_by_interpolation(n_mels, n_fft, sr, f_min, f_max):
    """Each filter as np.interp through (left, 0), (centre, 1), (right, 0): another way to the same triangles."""
    mels = np.linspace(2595 * np.log10(1 + f_min / 700), 2595 * np.log10(1 + f_max / 700), n_mels + 2)
    points = 700 * (10 ** (mels / 2595) - 1)
    freqs = np.arange(n_fft // 2 + 1) * sr / n_fft
    return np.array([np.interp(freqs, points[m:m + 3], [0.0, 1.0, 0.0], left=0.0, right=0.0) for m in range(n_mels)])


@pytest.mark.parametrize("seed", range(8))
def test_filterbank_matches_an_independent_construction(seed):
    rng = np.random.default_rng(seed)
    n_mels, n_fft = int(rng.integers(1, 60)), int(rng.choice([64, 100, 256, 400, 512, 1024]))
    sr = float(rng.choice([8000, 16000, 22050]))
    f_min = float(rng.uniform(0, 300)) if seed % 2 else 0.0
    f_max = float(rng.uniform(sr / 4, sr / 2)) if seed % 3 else None
    fb = mel_filterbank(n_mels, n_fft, sr, f_min=f_min, f_max=f_max)
    assert fb.shape == (n_mels, n_fft // 2 + 1)
    ref = _triangles_by_interpolation(n_mels, n_fft, sr, f_min, sr / 2 if f_max is None else f_max)
    np.testing.assert_allclose(fb, ref, atol=1e-12)


def test_filters_are_wider_at_high_frequencies_and_tile_the_axis():
    fb = mel_filterbank(26, 512, 16000)
    freqs = spectrogram_frequencies(512, 16000)
    widths = (fb > 0).sum(axis=1)
    assert widths[-1] > 4 * widths[0]
    centres = freqs[fb.argmax(axis=1)]
    assert np.all(np.diff(centres) > 0)
    points = mel_to_hz(np.linspace(0, hz_to_mel(8000), 28))  # the filters' edges and centres
    # neighbouring triangles cross at half height, so between the first and last centre the filters sum to 1
    between = (freqs >= points[1]) & (freqs <= points[-2])
    np.testing.assert_allclose(fb.sum(axis=0)[between], 1.0, atol=1e-9)


@pytest.mark.parametrize("kwargs, message", [
    (dict(n_mels=0, n_fft=256, sample_rate=8000), "n_mels"),
    (dict(n_mels=10, n_fft=1, sample_rate=8000), "n_fft"),
    (dict(n_mels=10, n_fft=256, sample_rate=-1), "sample_rate"),
    (dict(n_mels=10, n_fft=256, sample_rate=8000, f_max=6000), "f_max <= sample_rate / 2"),
    (dict(n_mels=10, n_fft=256, sample_rate=8000, f_min=3000, f_max=2000), "f_min < f_max"),
])
def test_bad_arguments_are_named(kwargs, message):
    with pytest.raises((ValueError, TypeError), match=message.replace("(", r"\(")):
        mel_filterbank(**kwargs)


def test_negative_frequency_is_an_error():
    with pytest.raises(ValueError, match="frequencies >= 0"):
        hz_to_mel([-1.0, 100.0])
