"""Augmentations keep shapes and labels; their randomness is seeded and of the requested size."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from labkit.augment import (
    add_noise_snr,
    augment_images,
    gaussian_noise,
    random_flip,
    random_rotation,
    random_shift,
    time_shift,
    translate,
)
from labkit.data import load_digits
from labkit.errors import ShapeError

IMAGES = np.random.default_rng(0).random((6, 2, 7, 9)).astype(np.float32)  # (N, C, H, W)


def shift_reference(image: np.ndarray, dy: int, dx: int) -> np.ndarray:
    """Shift by rolling, then blank what wrapped around."""
    out = np.roll(image, (dy, dx), axis=(-2, -1))
    if dy > 0:
        out[..., :dy, :] = 0
    elif dy < 0:
        out[..., dy:, :] = 0
    if dx > 0:
        out[..., :dx] = 0
    elif dx < 0:
        out[..., dx:] = 0
    return out


@settings(max_examples=40, deadline=None)
@given(dy=st.integers(-8, 8), dx=st.integers(-10, 10))
def test_translate_matches_roll_with_blanking(dy, dx):
    np.testing.assert_array_equal(translate(IMAGES, dy, dx), shift_reference(IMAGES, dy, dx))


@pytest.mark.parametrize("images", [IMAGES, IMAGES[:, 0]])
def test_shapes_and_dtypes_are_kept(images):
    for out in (random_shift(images, 2), random_rotation(images, 15), random_flip(images),
                gaussian_noise(images, 0.1), augment_images(images, noise_std=0.05)):
        assert out.shape == images.shape and out.dtype == images.dtype


def test_zero_strength_is_identity():
    np.testing.assert_array_equal(random_shift(IMAGES, 0), IMAGES)
    np.testing.assert_allclose(random_rotation(IMAGES, 0.0), IMAGES, atol=1e-6)
    np.testing.assert_array_equal(random_flip(IMAGES, p=0.0), IMAGES)
    np.testing.assert_array_equal(gaussian_noise(IMAGES, 0.0), IMAGES)
    np.testing.assert_array_equal(augment_images(IMAGES, max_shift=0, max_degrees=0, clip=None), IMAGES)


def test_each_shift_is_a_translation_within_bounds():
    digits = load_digits(images=True).X[:20]
    shifted = random_shift(digits, 2, seed=1)
    for original, moved in zip(digits, shifted):
        candidates = [translate(original[None], dy, dx)[0] for dy in range(-2, 3) for dx in range(-2, 3)]
        assert any(np.array_equal(moved, c) for c in candidates)


def test_rotation_turns_a_line_by_the_drawn_angle():
    """The principal axis of a rotated bar turns by the angle the seed draws (reference: moments)."""
    size = 41
    bar = np.zeros((3, size, size))
    bar[:, size // 2, 5:-5] = 1.0  # horizontal bars through the centre
    rotated = random_rotation(bar, 40.0, seed=11)
    drawn = np.random.default_rng(11).uniform(-40.0, 40.0, size=3)
    rows, cols = np.mgrid[:size, :size] - size // 2
    for image, angle in zip(rotated, drawn):
        w = image / image.sum()
        cov = np.array([[(w * cols * cols).sum(), (w * cols * rows).sum()],
                        [(w * cols * rows).sum(), (w * rows * rows).sum()]])
        axis = np.linalg.eigh(cov)[1][:, -1]
        measured = np.degrees(np.arctan(axis[1] / axis[0]))
        assert abs(abs(measured) - abs(angle)) < 2.0, (measured, angle)


def test_rotation_leaves_a_centred_round_blob_alone():
    rows, cols = np.mgrid[:21, :21] - 10
    blob = np.exp(-(rows**2 + cols**2) / 18.0)[None].repeat(4, axis=0)
    np.testing.assert_allclose(random_rotation(blob, 45.0), blob, atol=0.05)  # bilinear blur at the peak


def test_small_rotation_keeps_the_digit_recognisable():
    """A nearest-centroid classifier still recognises digits after a 10 degree rotation."""
    ds = load_digits(images=True)
    centroids = np.stack([ds.X[ds.y == k].mean(axis=0) for k in range(10)])  # (10, 1, 8, 8)
    rotated = random_rotation(ds.X[:300], 10.0, seed=3)

    def predict(images):
        return np.argmin(((images[:, None] - centroids[None]) ** 2).sum(axis=(2, 3, 4)), axis=1)

    assert (predict(rotated) == ds.y[:300]).mean() > 0.8


def test_flip_mirrors_and_is_off_for_digits_by_default():
    np.testing.assert_array_equal(random_flip(IMAGES, p=1.0), IMAGES[..., ::-1])
    np.testing.assert_array_equal(random_flip(IMAGES, horizontal=False, vertical=True, p=1.0), IMAGES[..., ::-1, :])
    a = augment_images(IMAGES, max_shift=0, max_degrees=0, clip=None, seed=4)
    np.testing.assert_array_equal(a, IMAGES)  # flip=False by default


def test_noise_has_the_requested_standard_deviation():
    x = np.zeros((200, 50, 50), dtype=np.float32)
    noisy = gaussian_noise(x, 0.3, seed=5)
    assert noisy.std() == pytest.approx(0.3, rel=0.01)
    assert abs(noisy.mean()) < 0.01
    clipped = gaussian_noise(np.full((10, 4, 4), 0.5), 1.0, clip=(0.0, 1.0))
    assert clipped.min() >= 0 and clipped.max() <= 1


def test_seeds_repeat_and_generators_advance():
    np.testing.assert_array_equal(random_shift(IMAGES, 2, seed=7), random_shift(IMAGES, 2, seed=7))
    rng = np.random.default_rng(0)
    first, second = gaussian_noise(IMAGES, 0.1, seed=rng), gaussian_noise(IMAGES, 0.1, seed=rng)
    assert not np.array_equal(first, second)


@pytest.mark.parametrize("snr", [0.0, 10.0, 30.0])
def test_audio_noise_reaches_the_requested_snr(snr):
    t = np.arange(16000) / 16000
    waves = np.stack([np.sin(2 * np.pi * 220 * t), 0.1 * np.sin(2 * np.pi * 440 * t)])  # (2, L)
    noisy = add_noise_snr(waves, snr, seed=1)
    measured = 10 * np.log10((waves**2).mean(axis=1) / ((noisy - waves) ** 2).mean(axis=1))
    np.testing.assert_allclose(measured, snr, atol=1e-9)
    assert add_noise_snr(waves[0], snr).shape == waves[0].shape


def test_time_shift_moves_content_and_pads_with_silence():
    wave = np.arange(1.0, 101.0)
    for seed in range(10):
        moved = time_shift(wave, 5, seed=seed)
        m = int(np.argmax(moved > 0)) if moved[0] == 0 else -int(moved[0] - 1)
        np.testing.assert_array_equal(moved, shift_reference(wave[None, None], 0, m)[0, 0])
    np.testing.assert_array_equal(time_shift(wave, 0), wave)
    assert time_shift(np.ones((3, 40)), 4).shape == (3, 40)


def test_bad_inputs_raise_clear_errors():
    with pytest.raises(ShapeError, match=r"\(N, H, W\) or \(N, C, H, W\)"):
        random_shift(np.zeros((8, 8)))
    with pytest.raises(ValueError, match="max_shift must be >= 0"):
        random_shift(IMAGES, -1)
    with pytest.raises(ValueError, match="std must lie in"):
        gaussian_noise(IMAGES, -0.1)
    with pytest.raises(ValueError, match="p must lie in"):
        random_flip(IMAGES, p=2)
    with pytest.raises(ShapeError, match=r"\(L,\) or a batch \(N, L\)"):
        add_noise_snr(np.zeros((2, 2, 2)), 10)
