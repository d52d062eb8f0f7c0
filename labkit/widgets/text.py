"""Lesson 13's widget: type a sentence, see its tokens, the prediction and what each word did.

    explorer = SentenceExplorer({"average (bag of embeddings)": bag, "attention": att},
                                tokenize=tokenize, encode=lambda tokens: encode(tokens, vocab),
                                class_names=["negative", "positive"], unk_id=1)

For a :class:`labkit.models.BagOfEmbeddings` each word's bar is its **contribution**
to the score: the text's vector is the mean of its word vectors, so the logit is
a sum of one term per word plus the bias. With two classes the bar is the word's
push towards class 1 (``(w_1 - w_0) . e_word / n``); with more, towards the
predicted class. For a :class:`labkit.models.attention.AttentionClassifier` the bar
is the word's **attention weight** in the pooling step (the weights sum to 1), and
a second panel shows the self-attention matrix. Nothing runs until the text or the
model changes; a redraw is one forward pass of one sentence.
"""

from __future__ import annotations

from html import escape
from typing import Callable, Mapping, Sequence

import ipywidgets as widgets
import numpy as np
import torch

from labkit.models.attention import AttentionClassifier
from labkit.models.text_classifier import BagOfEmbeddings
from labkit.widgets._figure import redraw

SUPPORTED = (BagOfEmbeddings, AttentionClassifier)


def word_scores(model: torch.nn.Module, ids: Sequence[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """(probabilities (C,), per-word scores (T,), self-attention (T, T) or None) for one encoded text.

    BagOfEmbeddings: contributions to the logit of class 1 minus class 0 (two classes) or of the
    predicted class; they add up to that logit (difference) minus the bias (difference).
    AttentionClassifier: the pooling attention weights (they sum to 1).
    """
    if not isinstance(model, SUPPORTED):
        raise TypeError(f"model must be a BagOfEmbeddings or an AttentionClassifier, got {type(model).__name__}.")
    ids_t = torch.as_tensor(np.asarray(ids, dtype=np.int64))[None]  # (1, T)
    model.eval()
    with torch.no_grad():
        logits = model(ids_t)[0]  # (C,)
        probs = torch.softmax(logits, dim=0).numpy()
        if isinstance(model, BagOfEmbeddings):
            keep = ids_t[0] != model.embedding.padding_idx
            vectors = model.embedding.weight[ids_t[0]]  # (T, E)
            weight = model.head.weight  # (C, E)
            direction = weight[1] - weight[0] if len(weight) == 2 else weight[int(probs.argmax())]
            scores = (vectors @ direction) * keep / max(int(keep.sum()), 1)  # (T,)
            return probs, scores.numpy(), None
        weights = model.attention_weights(ids_t)
        return probs, weights["pool"][0].numpy(), weights["self"][0].numpy()


class SentenceExplorer(widgets.VBox):
    """A text box and a model menu; shows tokens, the prediction and one bar per word.

    Args:
        models: {name: trained BagOfEmbeddings or AttentionClassifier}, all on the same vocabulary.
        tokenize: text -> list of tokens (e.g. your own tokenizer).
        encode: list of tokens -> list of ids, one per token (unknown tokens -> ``unk_id``).
        class_names: one name per output of the models.
        unk_id: the id of unknown words (their bars are grey).
        text: the sentence shown first.

    After each redraw: ``tokens``, ``ids``, ``probabilities`` (C,), ``prediction`` (a class name),
    ``scores`` (T,) and ``self_attention`` ((T, T) or None).
    """

    def __init__(self, models: Mapping[str, torch.nn.Module], tokenize: Callable[[str], list],
                 encode: Callable[[list], list], class_names: Sequence[str], unk_id: int = 1,
                 text: str = "The screen is not great, but the battery lasts forever.") -> None:
        if not isinstance(models, Mapping) or not models:
            raise ValueError(f"models must be a non-empty dict {{name: model}}, got {models!r}.")
        for name, model in models.items():
            if not isinstance(model, SUPPORTED):
                raise TypeError(f"models[{name!r}] is a {type(model).__name__}; expected a BagOfEmbeddings "
                                "or an AttentionClassifier.")
        for arg, fn in (("tokenize", tokenize), ("encode", encode)):
            if not callable(fn):
                raise TypeError(f"{arg} must be a function, got {fn!r}.")
        heads = {name: m.head.out_features for name, m in models.items()}
        if any(n != len(class_names) for n in heads.values()):
            raise ValueError(f"class_names has {len(class_names)} names but the models have {heads} outputs.")
        if not isinstance(text, str):
            raise TypeError(f"text must be a string, got {text!r}.")
        self.models, self.tokenize, self.encode = dict(models), tokenize, encode
        self.class_names, self.unk_id = list(class_names), unk_id
        self.text = widgets.Text(value=text, description="sentence", continuous_update=False,
                                 layout=widgets.Layout(width="70%"))
        self.model_name = widgets.Dropdown(options=list(self.models), description="model")
        self.caption = widgets.HTML()
        self.out = widgets.Output()
        self.text.observe(lambda _: self.redraw(), names="value")
        self.model_name.observe(lambda _: self.redraw(), names="value")
        super().__init__([widgets.HBox([self.text, self.model_name]), self.caption, self.out])
        self.redraw()

    def redraw(self) -> None:
        model = self.models[self.model_name.value]
        self.tokens = list(self.tokenize(self.text.value))
        self.ids = [int(i) for i in self.encode(self.tokens)]
        if len(self.ids) != len(self.tokens):
            raise ValueError(f"encode returned {len(self.ids)} ids for {len(self.tokens)} tokens; "
                             "it should return one id per token (unknown words -> the unknown id).")
        if not self.tokens:
            self.probabilities, self.scores, self.self_attention, self.prediction = None, None, None, None
            self.caption.value = "<i>Type a sentence (no tokens yet).</i>"
            self.out.outputs = ()  # set the state directly: no round trip through a front end (issue 16)
            return
        max_len = getattr(model, "max_len", None)
        ids = self.ids[:max_len] if max_len else self.ids
        tokens = self.tokens[: len(ids)]
        self.probabilities, self.scores, self.self_attention = word_scores(model, ids)
        self.prediction = self.class_names[int(np.argmax(self.probabilities))]
        unknown = [t for t, i in zip(tokens, ids) if i == self.unk_id]
        shown = " ".join(f"<code>{escape(t)}</code>" + ("<sup>?</sup>" if i == self.unk_id else "")
                         for t, i in zip(tokens, ids))
        probs = ", ".join(f"{escape(n)} {p:.0%}" for n, p in zip(self.class_names, self.probabilities))
        self.caption.value = (f"<b>tokens</b> ({len(tokens)}): {shown}<br><b>prediction</b>: {escape(self.prediction)} "
                              f"({probs})" + (f"<br><i>unknown words (?): {escape(', '.join(unknown))}</i>" if unknown else ""))
        attention = self.self_attention is not None
        labels = [f"{t} ?" if i == self.unk_id else t for t, i in zip(tokens, ids)]
        with redraw(self.out, figsize=(13 if attention else 8, 0.9 + 0.3 * len(tokens)),
                    ncols=2 if attention else 1) as axes:
            ax = axes[0] if attention else axes
            rows = np.arange(len(tokens))
            if attention:
                colors = ["lightgray" if i == self.unk_id else "tab:purple" for i in ids]
                ax.barh(rows, self.scores, color=colors)
                ax.set_xlabel("attention weight in the pooling (sums to 1)")
                ax.set_xlim(0, 1)
            else:
                colors = ["lightgray" if i == self.unk_id else ("tab:green" if s > 0 else "tab:red")
                          for s, i in zip(self.scores, ids)]
                ax.barh(rows, self.scores, color=colors)
                ax.axvline(0, color="k", linewidth=0.8)
                ax.set_xlabel(f"contribution towards '{self.class_names[1]}'" if len(self.class_names) == 2
                              else f"contribution towards '{self.prediction}'")
            ax.set_yticks(rows, labels)
            ax.invert_yaxis()
            ax.set_title(f"{self.model_name.value}: {self.prediction} ({self.probabilities.max():.0%})")
            if attention:
                axes[1].imshow(self.self_attention, cmap="Purples", vmin=0, vmax=1)
                axes[1].set_xticks(rows, labels, rotation=90)
                axes[1].set_yticks(rows, labels)
                axes[1].set_xlabel("key (the word looked at)")
                axes[1].set_ylabel("query (the word looking)")
                axes[1].set_title("self-attention weights (each row sums to 1)")
