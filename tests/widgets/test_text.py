"""Lesson 13's widget: tokens, prediction and per-word scores of a typed sentence."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest
import torch

import labkit.widgets._figure as figure_helper
from labkit.models import BagOfEmbeddings
from labkit.models.attention import AttentionClassifier
from labkit.widgets.text import SentenceExplorer, word_scores

VOCAB = {"<pad>": 0, "<unk>": 1, "good": 2, "bad": 3, "not": 4, "film": 5, "the": 6}


def tokenize(text):
    return text.lower().replace(".", " .").split()


def encode(tokens):
    return [VOCAB.get(t, 1) for t in tokens]


@pytest.fixture
def shown(monkeypatch):
    figures = []
    monkeypatch.setattr(figure_helper, "display", figures.append)
    return figures


@pytest.fixture
def models():
    torch.manual_seed(0)
    return {"bag": BagOfEmbeddings(len(VOCAB), 6, 2), "attention": AttentionClassifier(len(VOCAB), 6, 2, max_len=16)}


def test_bag_contributions_add_up_to_the_logit_difference(models):
    bag = models["bag"]
    ids = encode(tokenize("the film is not good"))
    probs, scores, self_attention = word_scores(bag, ids)
    with torch.no_grad():
        logits = bag(torch.tensor([ids]))[0]
    bias = (bag.head.bias[1] - bag.head.bias[0]).detach()
    np.testing.assert_allclose(scores.sum(), float(logits[1] - logits[0] - bias), rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(probs, torch.softmax(logits, 0).numpy(), rtol=1e-6)
    assert self_attention is None


def test_attention_scores_are_the_model_pooling_weights(models):
    att = models["attention"]
    ids = encode(tokenize("the film is good"))
    probs, scores, self_attention = word_scores(att, ids)
    weights = att.attention_weights(torch.tensor([ids]))
    np.testing.assert_allclose(scores, weights["pool"][0].numpy())
    np.testing.assert_allclose(scores.sum(), 1.0, rtol=1e-6)
    assert self_attention.shape == (4, 4)


def test_typing_and_switching_model_redraw(shown, models):
    w = SentenceExplorer(models, tokenize, encode, ["negative", "positive"], text="the film is good.")
    assert len(shown) == 1
    assert w.tokens == ["the", "film", "is", "good", "."]
    assert w.ids == [6, 5, 1, 2, 1]
    assert "unknown words" in w.caption.value and "is" in w.caption.value
    first = w.scores.copy()
    w.text.value = "the film is bad"
    assert len(shown) == 2 and w.tokens[-1] == "bad"
    assert w.prediction in ("negative", "positive")
    w.model_name.value = "attention"
    assert len(shown) == 3 and w.self_attention.shape == (4, 4)
    assert len(shown[-1].axes) >= 2
    assert not np.array_equal(first[:4], w.scores)


def test_empty_sentence_shows_a_prompt(shown, models):
    w = SentenceExplorer(models, tokenize, encode, ["negative", "positive"])
    w.text.value = "   "
    assert w.tokens == [] and w.scores is None and "Type a sentence" in w.caption.value


def test_bad_arguments_are_explained(models):
    with pytest.raises(ValueError, match="non-empty dict"):
        SentenceExplorer({}, tokenize, encode, ["a", "b"])
    with pytest.raises(TypeError, match="models\\['x'\\] is a Linear"):
        SentenceExplorer({"x": torch.nn.Linear(2, 2)}, tokenize, encode, ["a", "b"])
    with pytest.raises(TypeError, match="tokenize must be a function"):
        SentenceExplorer(models, "split", encode, ["a", "b"])
    with pytest.raises(ValueError, match="class_names has 3 names"):
        SentenceExplorer(models, tokenize, encode, ["a", "b", "c"])
    with pytest.raises(ValueError, match="one id per token"):
        SentenceExplorer(models, tokenize, lambda tokens: [2], ["a", "b"], text="good film")
