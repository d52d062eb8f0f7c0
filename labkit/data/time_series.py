"""Noisy periodic signals with a trend, cut into sliding windows for next-step forecasting."""

from __future__ import annotations

import numpy as np

from labkit.data.dataset import Dataset
from labkit.data.validation import check_choice, check_float, check_int, check_seed


def make_signals(n_series: int, length: int, noise: float, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """(n_series, length) signals: two sines (period 12..60 steps and its half) + linear trend + noise.

    Returns "series" (noisy), "clean" (no noise), "period", "slope" (per series).
    """
    t = np.arange(length)  # (T,)
    period = rng.uniform(12.0, 60.0, size=(n_series, 1))
    phase = rng.uniform(0.0, 2 * np.pi, size=(n_series, 1))
    amplitude = rng.uniform(0.5, 1.5, size=(n_series, 1))
    harmonic = rng.uniform(0.0, 0.5, size=(n_series, 1))
    slope = rng.uniform(-1.5, 1.5, size=(n_series, 1)) / length  # drift of at most 1.5 over the series
    offset = rng.normal(0.0, 0.5, size=(n_series, 1))
    angle = 2 * np.pi * t / period + phase  # (S, T)
    clean = amplitude * np.sin(angle) + harmonic * np.sin(2 * angle + 1.0) + slope * t + offset
    series = clean + rng.normal(0.0, noise, size=clean.shape)
    return {"series": series, "clean": clean, "period": period[:, 0], "slope": slope[:, 0] * length}


def load_time_series(
    split: str = "all",
    *,
    n_series: int = 8,
    length: int = 400,
    window: int = 32,
    horizon: int = 1,
    noise: float = 0.1,
    test_fraction: float = 0.2,
    seed: int = 0,
) -> Dataset:
    """Sliding windows over ``n_series`` synthetic signals: predict the next ``horizon`` values.

    split: "train" windows end before the cut at ``(1 - test_fraction) * length``;
        "test" windows predict values after it (their inputs may reach back before it);
        "all" is both. Splitting by time, not at random, is what forecasting needs.
    Returns X (N, window, 1) float32 (batch, time, feature, as torch RNNs with
    batch_first=True), y (N, horizon) float32, and extras "series" (S, length),
    "clean" (S, length) without noise, "series_index" and "start" (per window), "cutoff".
    """
    split = check_choice("split", split, ("train", "test", "all"))
    n_series = check_int("n_series", n_series, minimum=1)
    length = check_int("length", length, minimum=4)
    window = check_int("window", window, minimum=1)
    horizon = check_int("horizon", horizon, minimum=1)
    noise = check_float("noise", noise, 0.0, 10.0)
    test_fraction = check_float("test_fraction", test_fraction, 0.0, 1.0, inclusive_min=False, inclusive_max=False)
    seed = check_seed(seed)
    cutoff = int(round(length * (1 - test_fraction)))
    if cutoff < window + horizon or length - cutoff < horizon:
        raise ValueError(
            f"window={window} + horizon={horizon} do not fit both sides of the time cut at step {cutoff} "
            f"of length={length}; use a longer series, a shorter window, or another test_fraction."
        )
    signals = make_signals(n_series, length, noise, np.random.default_rng(seed))
    starts = np.arange(length - window - horizon + 1)
    target_end = starts + window + horizon  # exclusive end of each window's target
    keep = {
        "train": target_end <= cutoff,
        "test": starts + window >= cutoff,
        "all": np.ones_like(starts, dtype=bool),
    }[split]
    starts = starts[keep]
    offsets = np.arange(window + horizon)  # (W + H,)
    pieces = signals["series"][:, starts[:, None] + offsets]  # (S, n_windows, W + H)
    pieces = pieces.reshape(-1, window + horizon)
    return Dataset(
        X=pieces[:, :window, None].astype(np.float32),  # (N, W, 1)
        y=pieces[:, window:].astype(np.float32),  # (N, H)
        feature_names=["value"],
        target_names=None,
        description=f"{split} windows of {n_series} noisy periodic series with trend: {window} steps -> next {horizon}",
        extras={
            "series": signals["series"].astype(np.float32),
            "clean": signals["clean"].astype(np.float32),
            "period": signals["period"].astype(np.float32),
            "series_index": np.repeat(np.arange(n_series), len(starts)),
            "start": np.tile(starts, n_series),
            "cutoff": cutoff,
        },
        per_sample=("series_index", "start"),
    )
