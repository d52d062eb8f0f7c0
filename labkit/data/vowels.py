"""Spoken vowels synthesized from Peterson & Barney's (1952) average formant table.

A source-filter model: a glottal pulse train at the speaker's pitch passes
through resonators at the vowel's formant frequencies, scaled by the speaker's
vocal-tract length, then noise is added at a random signal-to-noise ratio.
"""

from __future__ import annotations

import numpy as np

from labkit.data.cache import cached_arrays
from labkit.data.dataset import Dataset
from labkit.data.validation import check_choice, check_float, check_int, check_seed

SPEAKERS = ("man", "woman", "child")
# Peterson & Barney (1952), Table II: average F0, F1, F2, F3 in Hz for men, women, children.
# vowel code: (word, IPA, F0 m/w/c, F1 m/w/c, F2 m/w/c, F3 m/w/c)
PETERSON_BARNEY = {
    "iy": ("heed", "i", (136, 235, 272), (270, 310, 370), (2290, 2790, 3200), (3010, 3310, 3730)),
    "ih": ("hid", "ɪ", (135, 232, 269), (390, 430, 530), (1990, 2480, 2730), (2550, 3070, 3600)),
    "eh": ("head", "ɛ", (130, 223, 260), (530, 610, 690), (1840, 2330, 2610), (2480, 2990, 3570)),
    "ae": ("had", "æ", (127, 210, 251), (660, 860, 1010), (1720, 2050, 2320), (2410, 2850, 3320)),
    "aa": ("hod", "ɑ", (124, 212, 256), (730, 850, 1030), (1090, 1220, 1370), (2440, 2810, 3170)),
    "ao": ("hawed", "ɔ", (129, 216, 263), (570, 590, 680), (840, 920, 1060), (2410, 2710, 3180)),
    "uh": ("hood", "ʊ", (137, 232, 276), (440, 470, 560), (1020, 1160, 1410), (2240, 2680, 3310)),
    "uw": ("who'd", "u", (141, 231, 274), (300, 370, 430), (870, 950, 1170), (2240, 2670, 3260)),
    "ah": ("hud", "ʌ", (130, 221, 261), (640, 760, 850), (1190, 1400, 1590), (2390, 2780, 3360)),
    "er": ("heard", "ɝ", (133, 218, 261), (490, 500, 560), (1350, 1640, 1820), (1690, 1960, 2160)),
}
DEFAULT_VOWELS = ("iy", "eh", "ae", "aa", "uw", "er")
BANDWIDTHS = (80.0, 100.0, 140.0)  # Hz, F1..F3 (typical values used in Klatt-style synthesizers)


def load_vowels(
    n_per_class: int = 100,
    *,
    vowels: tuple[str, ...] = DEFAULT_VOWELS,
    sample_rate: int = 16000,
    duration: float = 0.3,
    snr_db: tuple[float, float] = (15.0, 30.0),
    seed: int = 0,
) -> Dataset:
    """Synthesized vowels spoken by simulated men, women and children.

    vowels: codes from PETERSON_BARNEY (default six well-separated ones; all ten
        include the easily confused pairs ih/eh and aa/ao). sample_rate: 8000 or 16000.
    snr_db: (low, high) range of the signal-to-noise ratio of the added white noise.
    Returns X (N, sample_rate * duration) float32 waves in [-1, 1], y (N,) int64,
    target_names like "iy (heed)", and extras "sample_rate", "speaker" (0 man,
    1 woman, 2 child), "f0" (Hz), "formants" (N, 3) Hz, "snr_db". Apply
    :func:`labkit.data.spectrogram` to turn the waves into pictures.
    """
    n_per_class = check_int("n_per_class", n_per_class, minimum=1)
    vowels = tuple(vowels)
    if not vowels:
        raise ValueError(f"vowels must name at least one of {list(PETERSON_BARNEY)}, got an empty list.")
    for code in vowels:
        check_choice("vowels entry", code, PETERSON_BARNEY)
    if len(set(vowels)) != len(vowels):
        raise ValueError(f"vowels must not repeat, got {vowels}.")
    sample_rate = check_int("sample_rate", sample_rate)
    check_choice("sample_rate", sample_rate, (8000, 16000))
    duration = check_float("duration", duration, 0.05, 2.0)
    if len(snr_db) != 2 or snr_db[0] > snr_db[1]:
        raise ValueError(f"snr_db must be a (low, high) pair with low <= high, got {snr_db!r}.")
    low, high = (check_float("snr_db", v, -20.0, 80.0) for v in snr_db)
    seed = check_seed(seed)
    settings = {"n": n_per_class, "vowels": vowels, "sr": sample_rate, "dur": duration, "snr": (low, high), "seed": seed}
    arrays = cached_arrays("vowels", settings, lambda: _synthesize_all(n_per_class, vowels, sample_rate, duration,
                                                                       (low, high), seed))
    return Dataset(
        X=arrays["waves"],
        y=arrays["labels"],
        feature_names=None,
        target_names=[f"{code} ({PETERSON_BARNEY[code][0]})" for code in vowels],
        description=f"{len(arrays['labels'])} synthesized vowels, {sample_rate} Hz, {duration:g} s (Peterson & Barney 1952 formants)",
        extras={
            "sample_rate": sample_rate,
            "speaker": arrays["speaker"],
            "speaker_names": list(SPEAKERS),
            "f0": arrays["f0"],
            "formants": arrays["formants"],
            "snr_db": arrays["snr_db"],
            "vowels": list(vowels),
        },
        per_sample=("speaker", "f0", "formants", "snr_db"),
    )


def synthesize_vowel(
    formants: tuple[float, float, float],
    f0: float,
    *,
    sample_rate: int = 16000,
    duration: float = 0.3,
    rng: np.random.Generator | None = None,
) -> np.ndarray:
    """One clean vowel (sample_rate * duration,) float64, peak 1: pulse train -> resonators.

    formants: (F1, F2, F3) in Hz; f0: pitch in Hz. ``rng`` adds natural pitch drift
    and jitter; None makes a steady tone.
    """
    from scipy.signal import lfilter

    n = int(round(sample_rate * duration))
    t = np.arange(n) / sample_rate
    if rng is None:
        pitch = np.full(n, float(f0))
    else:  # slow drift (intonation) of a few percent plus a little vibrato
        drift = rng.uniform(-0.06, 0.03) * t / duration
        pitch = f0 * (1 + drift + 0.01 * np.sin(2 * np.pi * rng.uniform(4, 6) * t + rng.uniform(0, 6.3)))
    phase = np.cumsum(pitch) / sample_rate
    source = np.diff(np.floor(phase), prepend=0.0)  # one impulse per glottal cycle
    source = lfilter([1.0], [1.0, -1.94, 0.9409], source)  # glottal pulse shape: -12 dB / octave
    source = np.diff(source, prepend=0.0)  # lip radiation: +6 dB / octave
    if rng is not None:
        source = source + 0.02 * np.std(source) * rng.standard_normal(n)  # a little breath
    out = source
    scale = formants[0] / 500.0  # wider bandwidths for higher formants of smaller tracts
    resonances = list(zip(formants, BANDWIDTHS)) + [(3.3 * formants[2] / 2.5, 250.0)]  # F4 ~ 1.3 F3
    for freq, bandwidth in resonances:
        if freq >= 0.45 * sample_rate:
            continue  # above the Nyquist limit of this sample rate
        r = np.exp(-np.pi * bandwidth * max(scale, 0.8) / sample_rate)
        c = 2 * r * np.cos(2 * np.pi * freq / sample_rate)
        out = lfilter([1 - c + r * r], [1.0, -c, r * r], out)  # unit gain at 0 Hz
    ramp = min(n // 4, int(0.03 * sample_rate))
    envelope = np.ones(n)
    envelope[:ramp] = 0.5 - 0.5 * np.cos(np.linspace(0, np.pi, ramp))
    envelope[n - ramp :] = envelope[:ramp][::-1]
    out = out * envelope
    return out / np.max(np.abs(out))


def _synthesize_all(
    n_per_class: int, vowels: tuple[str, ...], sample_rate: int, duration: float, snr: tuple[float, float], seed: int
) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    total = n_per_class * len(vowels)
    labels = np.repeat(np.arange(len(vowels)), n_per_class)
    speaker = rng.integers(0, len(SPEAKERS), total)
    tract = rng.lognormal(0.0, 0.06, total)  # vocal-tract length: all formants move together
    pitch_factor = rng.lognormal(0.0, 0.12, total)
    snr_db = rng.uniform(snr[0], snr[1], total)
    n = int(round(sample_rate * duration))
    waves = np.empty((total, n), dtype=np.float32)
    formants = np.empty((total, 3), dtype=np.float32)
    f0 = np.empty(total, dtype=np.float32)
    for i in range(total):
        _, _, pitch, f1, f2, f3 = PETERSON_BARNEY[vowels[labels[i]]]
        s = speaker[i]
        token = rng.lognormal(0.0, (0.05, 0.04, 0.03))  # this utterance's own deviation per formant
        formants[i] = np.array([f1[s], f2[s], f3[s]]) * tract[i] * token
        f0[i] = pitch[s] * pitch_factor[i]
        clean = synthesize_vowel(tuple(formants[i]), f0[i], sample_rate=sample_rate, duration=duration, rng=rng)
        noise = rng.standard_normal(n) * np.sqrt(np.mean(clean**2) / 10 ** (snr_db[i] / 10))
        wave = clean + noise
        waves[i] = wave / np.max(np.abs(wave)) * rng.uniform(0.5, 0.95)  # loudness varies too
    order = rng.permutation(total)
    return {
        "waves": waves[order],
        "labels": labels[order].astype(np.int64),
        "speaker": speaker[order].astype(np.int64),
        "f0": f0[order],
        "formants": formants[order],
        "snr_db": snr_db[order].astype(np.float32),
    }
