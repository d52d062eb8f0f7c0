"""Lesson 11's widgets: step a character model through a name, and sample names with a temperature.

- :class:`HiddenStateStepper`: type a name, move the step slider; the heat map shows the hidden
  state after each character read so far, the bars the model's guesses for the next character.
- :class:`TemperatureSampler`: move the temperature; the bars show the distribution of the first
  letter at that temperature, the list the names drawn, the caption how many are real names.

Both take a trained :class:`labkit.models.CharGenerator`; nothing trains here, a redraw runs
the model on a few characters (milliseconds) and draws.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import numpy as np
import torch
from torch.nn import functional as F

from labkit.recurrent import char_states
from labkit.widgets._figure import redraw


def _check_model(model) -> None:
    if not all(hasattr(model, a) for a in ("vocab", "sample", "gru", "head")):
        raise TypeError(f"model must be a labkit.models.CharGenerator, got {type(model).__name__}.")


def _label(vocab, i: int) -> str:
    return "end" if i == vocab.end_id else vocab.itos[i]


class HiddenStateStepper(widgets.VBox):
    """Step a CharGenerator through ``text`` one character at a time.

    Args:
        model: a trained CharGenerator.
        text: the name to read (characters of the model's vocabulary).
        step: how many characters have been read at the start (0 = only the start token).
        top: how many next-character guesses to draw.

    After each redraw: ``states`` (len(text) + 1, H), ``probs`` (len(text) + 1, V) from
    :func:`labkit.recurrent.char_states`, ``state`` (H,) the current hidden state, ``guesses``
    the ``top`` (character, probability) pairs at the current step, ``change`` the norm of the
    state's change at this step.
    """

    def __init__(self, model, text: str = "emma", step: int = 0, top: int = 8) -> None:
        _check_model(model)
        if not isinstance(top, int) or top < 1:
            raise ValueError(f"top must be a positive integer, got {top!r}.")
        self.model, self.top = model, top
        self.text = widgets.Text(value=text, description="name", continuous_update=False)
        self.step = widgets.IntSlider(value=0, min=0, max=max(len(text), 0), description="step")
        self.caption = widgets.HTML()
        self.out = widgets.Output()
        super().__init__([widgets.HBox([self.text, self.step]), self.out, self.caption])
        self._read(text)
        self.step.value = min(max(int(step), 0), self.step.max)
        self.step.observe(lambda change: self.redraw(), names="value")
        self.text.observe(self._on_text, names="value")
        self.redraw()

    def _read(self, text: str) -> None:
        text = text.strip().lower()
        self.states, self.probs = char_states(self.model, text)  # raises on characters outside the vocabulary
        self.name = text
        self.step.max = len(text)

    def _on_text(self, change) -> None:
        try:
            self._read(change["new"])
        except ValueError as err:
            self.caption.value = f"<b>{html.escape(str(err))}</b>"
            return
        self.step.value = min(self.step.value, self.step.max)
        self.redraw()

    def redraw(self) -> None:
        t = self.step.value
        vocab = self.model.vocab
        self.state = self.states[t]
        self.change = float(np.linalg.norm(self.states[t] - self.states[t - 1])) if t else float(np.linalg.norm(self.state))
        order = np.argsort(self.probs[t])[::-1][: self.top]
        self.guesses = [(_label(vocab, int(i)), float(self.probs[t, i])) for i in order]
        actual = self.name[t] if t < len(self.name) else "end"
        read = "<s>" + self.name[:t]
        with redraw(self.out, figsize=(13, 3.6), ncols=2) as (ax_state, ax_next):
            shown = np.full(self.states.T.shape, np.nan)
            shown[:, : t + 1] = self.states.T[:, : t + 1]
            ax_state.imshow(shown, aspect="auto", cmap="RdBu_r", vmin=-1, vmax=1, interpolation="nearest")
            ax_state.set_xticks(range(len(self.name) + 1))
            ax_state.set_xticklabels(["<s>", *self.name])
            ax_state.axvline(t, color="k", linewidth=1.5)
            ax_state.set_xlabel("after reading")
            ax_state.set_ylabel("hidden unit")
            ax_state.set_title(f"hidden state, {self.states.shape[1]} units (red +1, blue -1)")
            labels = [c for c, _ in self.guesses]
            colours = ["tab:green" if c == actual else "tab:gray" for c in labels]
            ax_next.bar(range(len(labels)), [p for _, p in self.guesses], color=colours)
            ax_next.set_xticks(range(len(labels)))
            ax_next.set_xticklabels(labels)
            ax_next.set_ylim(0, 1)
            ax_next.set_ylabel("probability")
            ax_next.set_title(f"next character after '{read}' (green: the actual one)")
        p_actual = float(self.probs[t, vocab.end_id if actual == "end" else vocab.stoi[actual]])
        self.caption.value = (
            f"read <code>{html.escape(read)}</code>: the state moved by <b>{self.change:.2f}</b> (Euclidean norm); "
            f"the model gives the actual next character <b>{html.escape(actual)}</b> probability <b>{p_actual:.2f}</b>."
        )


class TemperatureSampler(widgets.VBox):
    """Sample names from a CharGenerator at the temperature on the slider.

    Args:
        model: a trained CharGenerator.
        known: names to compare with (e.g. the training names); the caption says how many samples are among them.
        n: names listed per draw.
        temperature: starting temperature (0.1 .. 3).
        seed: seed of the first draw; the "new names" button moves to the next seed.
        n_stats: names drawn (same seed) for the statistics in the caption.

    After each redraw: ``names`` (the listed names), ``first_letter`` (V,) the probabilities of the
    first character at this temperature, ``stats`` {"known", "distinct", "mean_length"} over ``n_stats`` names.
    """

    def __init__(self, model, known=None, n: int = 12, temperature: float = 1.0, seed: int = 0,
                 n_stats: int = 300) -> None:
        _check_model(model)
        for name, value in (("n", n), ("n_stats", n_stats)):
            if not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a positive integer, got {value!r}.")
        if not 0.1 <= temperature <= 3.0:
            raise ValueError(f"temperature must be between 0.1 and 3, got {temperature!r}.")
        self.model, self.n, self.n_stats = model, n, n_stats
        self.known = None if known is None else set(known)
        self.temperature = widgets.FloatLogSlider(value=temperature, base=10, min=-1, max=np.log10(3.0), step=0.02,
                                                  description="temperature", readout_format=".2f",
                                                  continuous_update=False)
        self.seed = int(seed)
        self.button = widgets.Button(description="new names")
        self.button.on_click(self._next_seed)
        self.temperature.observe(lambda change: self.redraw(), names="value")
        self.caption = widgets.HTML()
        self.list = widgets.HTML()
        self.out = widgets.Output()
        with torch.no_grad():
            start = torch.tensor([[model.vocab.start_id]], device=model.head.weight.device)
            logits = model(start)[0, -1].double().cpu()  # (V,)
        banned = [model.vocab.pad_id, model.vocab.start_id, getattr(model.vocab, "unk_id", model.vocab.pad_id)]
        logits[banned] = float("-inf")
        self._first_logits = logits
        super().__init__([widgets.HBox([self.temperature, self.button]), widgets.HBox([self.out, self.list]),
                          self.caption])
        self.redraw()

    def _next_seed(self, _button=None) -> None:
        self.seed += 1
        self.redraw()

    def redraw(self) -> None:
        T = float(self.temperature.value)
        vocab = self.model.vocab
        self.first_letter = F.softmax(self._first_logits / T, dim=0).numpy()
        self.names = self.model.sample(self.n, temperature=T, seed=self.seed)
        many = self.model.sample(self.n_stats, temperature=T, seed=10_000 + self.seed)
        self.stats = {
            "known": None if self.known is None else float(np.mean([m in self.known for m in many])),
            "distinct": len(set(many)) / len(many),
            "mean_length": float(np.mean([len(m) for m in many])),
        }
        finite = np.isfinite(self._first_logits.numpy())
        letters = [i for i in range(len(vocab.itos)) if finite[i]]
        at_one = F.softmax(self._first_logits, dim=0).numpy()
        with redraw(self.out, figsize=(9, 3.2)) as ax:
            ax.bar(range(len(letters)), self.first_letter[letters], color="tab:blue", label=f"T = {T:.2f}")
            ax.step(range(len(letters)), at_one[letters], where="mid", color="k", linewidth=1, label="T = 1")
            ax.set_xticks(range(len(letters)))
            ax.set_xticklabels([_label(vocab, i) for i in letters], fontsize=8)
            ax.set_ylabel("probability")
            ax.set_title("first letter of a name: softmax(logits / T)")
            ax.legend(fontsize=8)
        items = "".join(f"<li>{html.escape(m) or '(empty)'}{' ✓' if self.known and m in self.known else ''}</li>"
                        for m in self.names)
        self.list.value = f"<b>names at T = {T:.2f}</b><ol>{items}</ol>"
        known = "" if self.stats["known"] is None else f"{self.stats['known']:.0%} are real names (✓), "
        self.caption.value = (f"Over {self.n_stats} names at T = {T:.2f}: {known}"
                              f"{self.stats['distinct']:.0%} distinct, mean length {self.stats['mean_length']:.1f} letters.")
