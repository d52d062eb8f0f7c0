"""Lesson 15's widget: formant sliders -> a vowel you hear, see and send to a recognizer."""

from __future__ import annotations

import io
import wave as wavefile

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest

import labkit.widgets.speech as speech
from labkit.data.spectrogram import spectrogram_frequencies
from labkit.data.vowels import PETERSON_BARNEY
from labkit.widgets.speech import VowelSynthesizer, wav_bytes

NAMES = ["iy (heed)", "aa (hod)"]


def f2_recognizer(waves):
    """A toy recognizer: 'iy' when the energy above 1500 Hz is large (a high F2), else 'aa'."""
    waves = np.asarray(waves, dtype=float)
    spectrum = np.abs(np.fft.rfft(waves, axis=1))
    freqs = np.fft.rfftfreq(waves.shape[1], 1 / 8000)
    high = spectrum[:, freqs > 1500].sum(axis=1) / spectrum.sum(axis=1)
    p_iy = 1 / (1 + np.exp(-(high - 0.2) * 40))
    return np.stack([p_iy, 1 - p_iy], axis=1)


def read_wav(data: bytes):
    with wavefile.open(io.BytesIO(data)) as handle:
        frames = np.frombuffer(handle.readframes(handle.getnframes()), dtype=np.int16)
        return handle.getframerate(), frames


def test_draws_on_creation_and_plays_the_wave(keep_figures):
    figures = keep_figures(speech)
    widget = VowelSynthesizer(f2_recognizer, NAMES, vowel="aa", speaker="man")
    assert len(figures) == 1 and len(figures[0].axes) == 3
    assert widget.formants == (730.0, 1090.0, 2440.0)  # Peterson & Barney's average /a/ of men
    assert widget.wave.shape == (2400,)
    rate, frames = read_wav(widget.audio.value)
    assert rate == 8000 and len(frames) == 2400
    np.testing.assert_allclose(frames / 32767, widget.wave / np.abs(widget.wave).max(), atol=1e-3)
    assert widget.prediction == "aa (hod)"
    np.testing.assert_allclose(widget.probabilities.sum(), 1.0)
    assert "recognized" in widget.caption.value


def test_moving_f2_up_changes_sound_spectrogram_and_prediction(keep_figures):
    figures = keep_figures(speech)
    widget = VowelSynthesizer(f2_recognizer, NAMES, vowel="aa", speaker="man", snr_db=40)
    before = widget.wave.copy()
    freqs = spectrogram_frequencies(256, 8000)
    band = (freqs > 1800) & (freqs < 2600)
    energy_before = widget.spectrogram_db[band].mean()
    widget.sliders["f1"].value = 270
    widget.sliders["f2"].value = 2290
    assert len(figures) == 3  # one redraw per slider move
    assert not np.allclose(before, widget.wave)
    assert widget.spectrogram_db[band].mean() > energy_before + 5  # the new F2 shows up as energy near 2290 Hz
    assert widget.prediction == "iy (heed)"
    assert widget.audio.value == wav_bytes(widget.wave, 8000)


def test_preset_and_speaker_set_all_sliders_with_one_redraw(keep_figures):
    figures = keep_figures(speech)
    widget = VowelSynthesizer(vowel="iy", speaker="man")
    assert len(figures[0].axes) == 2  # no recognizer panel without a recognizer
    assert widget.probabilities is None and widget.prediction is None
    widget.speaker.value = "child"
    assert len(figures) == 2
    _, _, f0, f1, f2, f3 = PETERSON_BARNEY["iy"]
    assert (widget.f0, *widget.formants) == (f0[2], f1[2], f2[2], f3[2])
    widget.preset.value = "uw"
    assert widget.formants[:2] == (PETERSON_BARNEY["uw"][3][2], PETERSON_BARNEY["uw"][4][2])


def test_noise_follows_the_snr_slider(keep_figures):
    keep_figures(speech)
    widget = VowelSynthesizer(vowel="eh", snr_db=40)
    clean = speech.synthesize_vowel(widget.formants, widget.f0, sample_rate=8000, duration=0.3)
    for snr in (20.0, 0.0):
        widget.snr_db.value = snr
        noise = widget.wave - clean
        measured = 10 * np.log10(np.mean(clean ** 2) / np.mean(noise ** 2))
        assert measured == pytest.approx(snr, abs=1e-6)
    again = widget.synthesize()
    np.testing.assert_array_equal(again, widget.wave)  # seeded: same settings, same sound


@pytest.mark.parametrize("kwargs, match", [
    ({"recognizer": 3}, "recognizer must be a function"),
    ({"recognizer": f2_recognizer}, "class_names must list"),
    ({"vowel": "xx"}, "vowel must be one of"),
    ({"speaker": "robot"}, "speaker must be one of"),
    ({"sample_rate": 44100}, "sample_rate must be 8000 or 16000"),
    ({"snr_db": 90}, "snr_db must be between"),
    ({"duration": 5.0}, "duration must be between"),
])
def test_bad_arguments_name_themselves(kwargs, match, keep_figures):
    keep_figures(speech)
    with pytest.raises((TypeError, ValueError), match=match):
        VowelSynthesizer(**kwargs)


def test_a_recognizer_with_the_wrong_number_of_classes_is_reported(keep_figures):
    keep_figures(speech)
    with pytest.raises(ValueError, match=r"returned shape \(1, 2\), expected \(1, 3\)"):
        VowelSynthesizer(f2_recognizer, ["a", "b", "c"])
    with pytest.raises(ValueError, match="one wave of shape"):
        wav_bytes(np.zeros((2, 5)), 8000)
