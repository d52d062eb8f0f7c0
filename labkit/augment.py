"""Data augmentation: random, label-preserving changes to images and sounds.

Image functions take a batch (N, H, W) or (N, C, H, W) and return the same shape;
audio functions take waves (L,) or (N, L). Every function takes ``seed``: an int
(repeatable) or a ``numpy.random.Generator`` (pass one generator through a
training loop to get new changes every epoch).
"""

from __future__ import annotations

import numpy as np

from labkit.data.validation import check_float, check_int
from labkit.errors import ShapeError

Seed = int | np.random.Generator


def _rng(seed: Seed) -> np.random.Generator:
    if isinstance(seed, np.random.Generator):
        return seed
    return np.random.default_rng(check_int("seed", seed, minimum=0))


def _as_images(images: np.ndarray, name: str) -> tuple[np.ndarray, tuple[int, ...]]:
    """View a batch (N, H, W) or (N, C, H, W) as (N, C, H, W); also return the input shape."""
    images = np.asarray(images)
    if images.ndim == 3:
        return images[:, None], images.shape
    if images.ndim == 4:
        return images, images.shape
    raise ShapeError(
        f"{name} expects a batch of images (N, H, W) or (N, C, H, W), got shape {images.shape}. "
        "For one image use image[None]; for flat digits use X.reshape(-1, 8, 8)."
    )


def translate(images: np.ndarray, dy: int, dx: int, fill: float = 0.0) -> np.ndarray:
    """Move every image down by ``dy`` and right by ``dx`` pixels (negative: up / left).

    Pixels shifted in from outside get ``fill``; pixels shifted out are lost (no wrap-around).
    images (N, H, W) or (N, C, H, W) -> same shape.
    """
    batch, shape = _as_images(images, "translate")
    dy, dx = int(dy), int(dx)
    out = np.full_like(batch, fill)
    H, W = batch.shape[-2:]
    if abs(dy) < H and abs(dx) < W:
        out[..., max(dy, 0) : H + min(dy, 0), max(dx, 0) : W + min(dx, 0)] = batch[
            ..., max(-dy, 0) : H + min(-dy, 0), max(-dx, 0) : W + min(-dx, 0)
        ]
    return out.reshape(shape)


def random_shift(images: np.ndarray, max_shift: int = 1, *, fill: float = 0.0, seed: Seed = 0) -> np.ndarray:
    """Shift each image by its own random (dy, dx), each in [-max_shift, max_shift] pixels.

    images (N, H, W) or (N, C, H, W) -> same shape. max_shift=0 returns a copy.
    """
    max_shift = check_int("max_shift", max_shift, minimum=0)
    rng = _rng(seed)
    batch, shape = _as_images(images, "random_shift")
    moves = rng.integers(-max_shift, max_shift + 1, size=(len(batch), 2))
    out = np.stack([translate(batch[i : i + 1], dy, dx, fill)[0] for i, (dy, dx) in enumerate(moves)]) if len(
        batch) else batch.copy()
    return out.reshape(shape)


def random_rotation(
    images: np.ndarray, max_degrees: float = 10.0, *, fill: float = 0.0, seed: Seed = 0
) -> np.ndarray:
    """Rotate each image about its centre by a random angle in [-max_degrees, max_degrees].

    Bilinear interpolation (scipy.ndimage.rotate, order=1); corners get ``fill``.
    images (N, H, W) or (N, C, H, W) -> same shape and dtype.
    """
    from scipy.ndimage import rotate

    max_degrees = check_float("max_degrees", max_degrees, 0.0, 180.0)
    rng = _rng(seed)
    batch, shape = _as_images(images, "random_rotation")
    angles = rng.uniform(-max_degrees, max_degrees, size=len(batch))
    out = np.empty_like(batch)
    for i, angle in enumerate(angles):
        out[i] = rotate(batch[i], angle, axes=(-1, -2), reshape=False, order=1, mode="constant", cval=fill)
    return out.reshape(shape)


def random_flip(
    images: np.ndarray, *, horizontal: bool = True, vertical: bool = False, p: float = 0.5, seed: Seed = 0
) -> np.ndarray:
    """Mirror each image left-right (and/or top-bottom) with probability ``p``.

    Do not flip digits or text: a mirrored 2 is not a 2. images (N, H, W) or (N, C, H, W) -> same shape.
    """
    p = check_float("p", p, 0.0, 1.0)
    rng = _rng(seed)
    batch, shape = _as_images(images, "random_flip")
    out = batch.copy()
    if horizontal:
        pick = rng.random(len(batch)) < p
        out[pick] = out[pick][..., ::-1]
    if vertical:
        pick = rng.random(len(batch)) < p
        out[pick] = out[pick][..., ::-1, :]
    return out.reshape(shape)


def gaussian_noise(x: np.ndarray, std: float = 0.1, *, clip: tuple[float, float] | None = None, seed: Seed = 0) -> np.ndarray:
    """x + Normal(0, std) noise, element-wise, any shape; ``clip=(0, 1)`` keeps pixels in range."""
    std = check_float("std", std, 0.0)
    x = np.asarray(x)
    dtype = x.dtype if np.issubdtype(x.dtype, np.floating) else np.float64
    out = x + _rng(seed).normal(0.0, std, size=x.shape)
    if clip is not None:
        out = np.clip(out, *clip)
    return out.astype(dtype)


def augment_images(
    images: np.ndarray,
    *,
    max_shift: int = 1,
    max_degrees: float = 10.0,
    flip: bool = False,
    noise_std: float = 0.0,
    clip: tuple[float, float] | None = (0.0, 1.0),
    seed: Seed = 0,
) -> np.ndarray:
    """Rotation, then shift, then (optional) horizontal flip, then (optional) noise.

    The defaults suit digits: small shifts and rotations, no flipping.
    images (N, H, W) or (N, C, H, W) in [0, 1] -> same shape.
    """
    rng = _rng(seed)
    out = random_rotation(images, max_degrees, seed=rng) if max_degrees > 0 else np.array(images, copy=True)
    out = random_shift(out, max_shift, seed=rng)
    if flip:
        out = random_flip(out, seed=rng)
    if noise_std > 0:
        out = gaussian_noise(out, noise_std, clip=clip, seed=rng)
    elif clip is not None:
        out = np.clip(out, *clip)
    return out


def _as_waves(waves: np.ndarray, name: str) -> np.ndarray:
    waves = np.asarray(waves)
    if waves.ndim not in (1, 2):
        raise ShapeError(f"{name} expects a wave (L,) or a batch (N, L), got shape {waves.shape}.")
    return waves


def time_shift(waves: np.ndarray, max_shift: int, *, seed: Seed = 0) -> np.ndarray:
    """Delay or advance each wave by a random number of samples in [-max_shift, max_shift].

    The gap is filled with silence (zeros); nothing wraps around. waves (L,) or (N, L) -> same shape.
    """
    max_shift = check_int("max_shift", max_shift, minimum=0)
    waves = _as_waves(waves, "time_shift")
    batch = waves[None] if waves.ndim == 1 else waves
    moves = _rng(seed).integers(-max_shift, max_shift + 1, size=len(batch))
    out = np.zeros_like(batch)
    L = batch.shape[1]
    for i, m in enumerate(moves):
        if abs(m) < L:
            out[i, max(m, 0) : L + min(m, 0)] = batch[i, max(-m, 0) : L + min(-m, 0)]
    return out[0] if waves.ndim == 1 else out


def add_noise_snr(waves: np.ndarray, snr_db: float, *, seed: Seed = 0) -> np.ndarray:
    """Add white noise so that each wave's signal-to-noise ratio is exactly ``snr_db`` decibels.

    The Gaussian noise drawn for each wave is rescaled so its power is exactly
    mean(wave ** 2) / 10 ** (snr_db / 10). waves (L,) or (N, L) -> same shape.
    """
    snr_db = check_float("snr_db", snr_db, -50.0, 150.0)
    waves = _as_waves(waves, "add_noise_snr")
    batch = waves[None] if waves.ndim == 1 else waves
    power = np.mean(np.asarray(batch, dtype=np.float64) ** 2, axis=1, keepdims=True)  # (N, 1)
    noise = _rng(seed).standard_normal(batch.shape)
    noise *= np.sqrt(power / 10 ** (snr_db / 10) / np.mean(noise**2, axis=1, keepdims=True))
    dtype = waves.dtype if np.issubdtype(waves.dtype, np.floating) else np.float64
    out = (batch + noise).astype(dtype)
    return out[0] if waves.ndim == 1 else out


def augment_dataset(images: np.ndarray, labels: np.ndarray, copies: int, max_shift: int = 1,
                    seed: Seed = 0) -> tuple[np.ndarray, np.ndarray]:
    """The originals followed by ``copies`` randomly shifted copies of them (``random_shift``), labels repeated.

    images (N, H, W), labels (N,) -> ((N * (copies + 1), H, W), (N * (copies + 1),)).
    """
    copies = check_int("copies", copies, minimum=0)
    images, labels = np.asarray(images), np.asarray(labels)
    if len(images) != len(labels):
        raise ShapeError(f"augment_dataset expected one label per image, got {len(images)} images and {len(labels)} labels.")
    rng = _rng(seed)
    shifted = [random_shift(images, max_shift, seed=rng) for _ in range(copies)]
    return np.concatenate([images] + shifted), np.tile(labels, copies + 1)
