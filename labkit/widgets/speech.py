"""Lesson 15's widget: synthesize a vowel from formant sliders, hear it, see it, recognize it.

Sliders set the pitch F0 and the formants F1, F2, F3 of a source-filter vowel
(``labkit.data.vowels.synthesize_vowel``); white noise is added at the chosen
signal-to-noise ratio. Three panels show where the sound sits on the F1-F2 vowel
chart (Peterson & Barney's averages for reference), its spectrogram with the formants
marked, and what a recognizer makes of it. An audio player plays the sound.
"""

from __future__ import annotations

from typing import Callable, Sequence

import ipywidgets as widgets
import numpy as np
from IPython.display import Audio

from labkit.augment import add_noise_snr
from labkit.data.spectrogram import spectrogram, spectrogram_frequencies
from labkit.data.vowels import PETERSON_BARNEY, SPEAKERS, synthesize_vowel
from labkit.widgets._figure import redraw

# Slider ranges in Hz: wide enough for every vowel of men, women and children in the table.
RANGES = {"f0": (70, 350), "f1": (200, 1200), "f2": (500, 3300), "f3": (1500, 3900)}


def wav_bytes(wave: np.ndarray, sample_rate: int) -> bytes:
    """A wave (L,) as the bytes of a 16-bit WAV file (normalized to full scale), as IPython's Audio makes it."""
    wave = np.asarray(wave, dtype=float)
    if wave.ndim != 1 or len(wave) == 0:
        raise ValueError(f"wav_bytes expects one wave of shape (L,), got shape {wave.shape}.")
    return Audio(data=wave, rate=int(sample_rate), normalize=True).data


class VowelSynthesizer(widgets.VBox):
    """Formant sliders that make a vowel you can hear, see as a spectrogram and send to a recognizer.

    Args:
        recognizer: ``recognizer(waves) -> probabilities``: waves (N, L) at ``sample_rate`` ->
            (N, C) class probabilities (rows sum to 1). None shows no recognizer panel.
        class_names: the C class names, e.g. ``["iy (heed)", ...]`` (required with a recognizer).
        vowel: Peterson & Barney code of the starting vowel ("iy", "aa", ...).
        speaker: "man", "woman" or "child": whose average formants the presets use.
        snr_db: starting signal-to-noise ratio of the added white noise, in dB (-10..40).
        sample_rate: 8000 or 16000 Hz. duration: seconds (0.1..1.0).
        seed: seed of the noise (the same settings always give the same sound).

    After each redraw: ``wave`` (L,), ``formants`` (F1, F2, F3), ``f0``, ``spectrogram_db``
    (freq, time), ``probabilities`` (C,) and ``prediction`` (a class name), or None without
    a recognizer; ``audio`` is an ``ipywidgets.Audio`` playing ``wave``.
    """

    def __init__(self, recognizer: Callable[[np.ndarray], np.ndarray] | None = None,
                 class_names: Sequence[str] | None = None, *, vowel: str = "aa", speaker: str = "man",
                 snr_db: float = 30.0, sample_rate: int = 8000, duration: float = 0.3, seed: int = 0) -> None:
        if recognizer is not None and not callable(recognizer):
            raise TypeError(f"recognizer must be a function waves (N, L) -> probabilities (N, C), got {recognizer!r}.")
        if recognizer is not None and (class_names is None or len(class_names) < 2):
            raise ValueError(f"class_names must list the recognizer's classes (at least 2), got {class_names!r}.")
        if vowel not in PETERSON_BARNEY:
            raise ValueError(f"vowel must be one of {sorted(PETERSON_BARNEY)}, got {vowel!r}.")
        if speaker not in SPEAKERS:
            raise ValueError(f"speaker must be one of {list(SPEAKERS)}, got {speaker!r}.")
        if sample_rate not in (8000, 16000):
            raise ValueError(f"sample_rate must be 8000 or 16000 Hz, got {sample_rate!r}.")
        if not 0.1 <= duration <= 1.0:
            raise ValueError(f"duration must be between 0.1 and 1.0 seconds, got {duration!r}.")
        if not -10 <= snr_db <= 40:
            raise ValueError(f"snr_db must be between -10 and 40 dB, got {snr_db!r}.")
        self.recognizer = recognizer
        self.class_names = None if class_names is None else [str(c) for c in class_names]
        self.sample_rate, self.duration, self.seed = int(sample_rate), float(duration), int(seed)
        self._hold = False
        self.speaker = widgets.Dropdown(options=list(SPEAKERS), value=speaker, description="speaker")
        self.preset = widgets.Dropdown(options=[(f"{code} ({PETERSON_BARNEY[code][0]})", code) for code in PETERSON_BARNEY],
                                       value=vowel, description="start from")
        self.sliders = {name: widgets.IntSlider(min=low, max=high, step=10, description=name.upper() + " (Hz)",
                                                continuous_update=False)
                        for name, (low, high) in RANGES.items()}
        self.snr_db = widgets.FloatSlider(value=snr_db, min=-10, max=40, step=1, description="SNR (dB)",
                                          continuous_update=False)
        self.audio = widgets.Audio(format="wav", autoplay=False, loop=False)
        self.caption = widgets.HTML()
        self.out = widgets.Output()
        self._load_preset()
        for control in (self.speaker, self.preset):
            control.observe(self._on_preset, names="value")
        for control in (*self.sliders.values(), self.snr_db):
            control.observe(self._on_change, names="value")
        controls = widgets.HBox([widgets.VBox([self.preset, self.speaker, self.snr_db]),
                                 widgets.VBox(list(self.sliders.values()))])
        super().__init__([controls, widgets.HBox([widgets.Label("listen:"), self.audio]), self.out, self.caption])
        self.redraw()

    def _load_preset(self) -> None:
        _, _, f0, f1, f2, f3 = PETERSON_BARNEY[self.preset.value]
        who = SPEAKERS.index(self.speaker.value)
        self._hold = True
        try:
            for name, table in (("f0", f0), ("f1", f1), ("f2", f2), ("f3", f3)):
                low, high = RANGES[name]
                self.sliders[name].value = int(np.clip(table[who], low, high))
        finally:
            self._hold = False

    def _on_preset(self, change) -> None:
        self._load_preset()
        self.redraw()

    def _on_change(self, change) -> None:
        if not self._hold:
            self.redraw()

    def synthesize(self) -> np.ndarray:
        """The current vowel with its noise, (sample_rate * duration,) float64."""
        clean = synthesize_vowel(self.formants, self.f0, sample_rate=self.sample_rate, duration=self.duration)
        return add_noise_snr(clean, float(self.snr_db.value), seed=self.seed)

    @property
    def formants(self) -> tuple[float, float, float]:
        return tuple(float(self.sliders[n].value) for n in ("f1", "f2", "f3"))

    @property
    def f0(self) -> float:
        return float(self.sliders["f0"].value)

    def _recognize(self, wave: np.ndarray) -> np.ndarray:
        probs = np.asarray(self.recognizer(wave[None, :].astype(np.float32)), dtype=float)
        if probs.shape != (1, len(self.class_names)):
            raise ValueError(f"recognizer(waves of shape (1, {len(wave)})) returned shape {probs.shape}, "
                             f"expected (1, {len(self.class_names)}): one probability per class name.")
        return probs[0]

    def redraw(self) -> None:
        self.wave = self.synthesize()
        self.audio.value = wav_bytes(self.wave, self.sample_rate)
        self.spectrogram_db = spectrogram(self.wave, n_fft=256, hop_length=64, top_db=70.0)
        freqs = spectrogram_frequencies(256, self.sample_rate)
        self.probabilities = self._recognize(self.wave) if self.recognizer is not None else None
        self.prediction = None if self.probabilities is None else self.class_names[int(np.argmax(self.probabilities))]
        ncols = 3 if self.recognizer is not None else 2
        with redraw(self.out, figsize=(15 if ncols == 3 else 11, 3.8), ncols=ncols) as axes:
            ax_chart, ax_spec = axes[0], axes[1]
            who = SPEAKERS.index(self.speaker.value)
            for code, (word, _, _, f1, f2, _) in PETERSON_BARNEY.items():
                ax_chart.scatter(f2[who], f1[who], color="tab:gray", s=25)
                ax_chart.annotate(f"{code} ({word})", (f2[who], f1[who]), fontsize=8, xytext=(3, 3),
                                  textcoords="offset points")
            f1, f2, _ = self.formants
            ax_chart.scatter(f2, f1, color="tab:red", s=90, marker="*", zorder=3, label="your vowel")
            ax_chart.set_xlim(RANGES["f2"][1], RANGES["f2"][0])  # phoneticians' chart: front vowels left
            ax_chart.set_ylim(RANGES["f1"][1], RANGES["f1"][0])  # open vowels at the bottom
            ax_chart.set_xlabel("F2 (Hz)")
            ax_chart.set_ylabel("F1 (Hz)")
            ax_chart.set_title(f"vowel chart ({self.speaker.value}, Peterson & Barney averages)", fontsize=10)
            ax_chart.legend(fontsize=8, loc="lower left")
            times = np.arange(self.spectrogram_db.shape[1]) * 64 / self.sample_rate
            ax_spec.pcolormesh(times, freqs, self.spectrogram_db, shading="auto", cmap="magma")
            for value, name in zip(self.formants, ("F1", "F2", "F3")):
                if value < self.sample_rate / 2:
                    ax_spec.axhline(value, color="cyan", linestyle="--", linewidth=0.8)
                    ax_spec.text(times[-1], value, f" {name}", color="cyan", fontsize=8, va="bottom", ha="right")
            ax_spec.set_xlabel("time (s)")
            ax_spec.set_ylabel("frequency (Hz)")
            ax_spec.set_title(f"spectrogram (dB), SNR {self.snr_db.value:g} dB", fontsize=10)
            if self.probabilities is not None:
                ax_bar = axes[2]
                colors = ["tab:red" if i == np.argmax(self.probabilities) else "tab:blue"
                          for i in range(len(self.class_names))]
                ax_bar.barh(self.class_names, self.probabilities, color=colors)
                ax_bar.set_xlim(0, 1)
                ax_bar.invert_yaxis()
                ax_bar.set_xlabel("probability")
                ax_bar.set_title(f"the recognizer hears: {self.prediction}", fontsize=10)
        text = (f"F0 {self.f0:.0f} Hz &nbsp; F1 {self.formants[0]:.0f} Hz &nbsp; F2 {self.formants[1]:.0f} Hz "
                f"&nbsp; F3 {self.formants[2]:.0f} Hz &nbsp; SNR {self.snr_db.value:g} dB")
        if self.prediction is not None:
            text += f" &nbsp; <b>recognized:</b> {self.prediction} ({self.probabilities.max():.0%})"
        self.caption.value = text
