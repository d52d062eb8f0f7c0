"""Every claim of the source article is taught under a named heading of the lesson that owns it.

The course was commissioned from the article "What Are Neural Networks?"; the design doc's table
"What the course must cover" gives its sections, their claims and the lessons that own them.
COVERAGE below pins each claim to a lesson and the exact markdown heading that teaches it, so a
renamed or dropped section fails here with the claim it was carrying.

Translation and chat are taught in prose with the literature (lesson 13, section 8), not trained:
they need data and compute far beyond a laptop lesson.
"""

from __future__ import annotations

import functools
from pathlib import Path

import nbformat
import pytest

REPO = Path(__file__).resolve().parents[1]

# The design doc's article sections, in its order, with the lessons it assigns to each.
ARTICLE_SECTIONS = [
    ("overview, basic components", {"01", "03"}),
    ("how it works", {"03", "04", "05", "06"}),
    ("types", {"03", "11", "10", "12"}),
    ("working mechanism", {"01", "02", "03", "05"}),
    ("training", {"07", "04", "06", "08"}),
    ("advantages and limitations", {"02", "08", "09", "17"}),
    ("applications", {"10", "13", "14", "15"}),
    ("emerging trends", {"09", "10", "16", "17"}),
    ("neural vs traditional computing", {"18"}),
    ("ethics", {"19", "20", "21"}),
    ("key takeaways", {"21"}),
]

L01, L02, L03 = "01_artificial_neuron", "02_activation_functions", "03_feedforward_networks"
L04, L05, L06 = "04_loss_functions", "05_backpropagation", "06_optimization"
L07, L08, L09 = "07_data_preparation", "08_regularization", "09_deep_learning_pytorch"
L10, L11, L12 = "10_convolutional_networks", "11_recurrent_networks", "12_generative_adversarial_networks"
L13, L14, L15 = "13_natural_language_processing", "14_recommendation_systems", "15_speech_recognition"
L16, L17, L18 = "16_transfer_learning", "17_explainable_ai", "18_neural_vs_traditional_computing"
L19, L20, L21 = "19_bias_and_fairness", "20_data_privacy", "21_transparency_and_capstone"

# (article section, claim, lesson folder, heading that teaches the claim)
COVERAGE = [
    ("overview, basic components", "neurons in layers", L03, "1. A layer of neurons is a matrix"),
    ("overview, basic components", "inputs times weights plus bias", L01, "1. Inputs, weights and a bias"),
    ("overview, basic components", "through an activation", L01, "2. The activation: from a sum to a decision"),
    ("overview, basic components", "connections carry weights", L03, "3. How many numbers does a network learn?"),
    ("overview, basic components", "loosely inspired by the brain", L01, "1. Inputs, weights and a bias"),
    ("how it works", "predictions", L03, "2. Stacking layers: the forward pass"),
    ("how it works", "a loss measuring the error", L04, "1. What a loss function is"),
    ("how it works", "an optimizer adjusting weights", L06, "1. The loss is a landscape"),
    ("how it works", "repeated", L05, "5. Backward through a whole network"),
    ("how it works", "repeated", L06, "7. On a real network"),
    ("types", "feedforward", L03, "2. Stacking layers: the forward pass"),
    ("types", "recurrent (memory for sequences)", L11, "1. Sequences need memory"),
    ("types", "convolutional (grids, images)", L10, "1. What a convolution computes"),
    ("types", "generative adversarial (generator vs discriminator)", L12, "1. The game"),
    ("working mechanism", "artificial neurons", L01, "2. The activation: from a sum to a decision"),
    ("working mechanism", "weights and biases", L01, "1. Inputs, weights and a bias"),
    ("working mechanism", "activation functions: sigmoid", L02, "3. The sigmoid"),
    ("working mechanism", "activation functions: ReLU", L02, "5. ReLU and leaky ReLU"),
    ("working mechanism", "the feedforward process", L03, "2. Stacking layers: the forward pass"),
    ("working mechanism", "backpropagation", L05, "2. The chain rule, node by node"),
    ("working mechanism", "backpropagation", L05, "5. Backward through a whole network"),
    ("training", "normalization", L07, "2. Three ways to rescale"),
    ("training", "feature scaling", L07, "3. Why scaling speeds up gradient descent"),
    ("training", "augmentation", L07, "6. Data augmentation"),
    ("training", "MSE", L04, "2. Regression: the mean squared error"),
    ("training", "cross-entropy", L04, "4. Many classes: softmax and cross-entropy"),
    ("training", "GD", L06, "1. The loss is a landscape"),
    ("training", "SGD", L06, "3. Stochastic gradient descent and minibatches"),
    ("training", "Adam", L06, "5. Adam: a step size for every weight"),
    ("training", "L1", L08, "4. The L1 penalty and sparsity"),
    ("training", "L2", L08, "3. The L2 penalty (weight decay)"),
    ("training", "dropout", L08, "5. Dropout"),
    ("advantages and limitations", "learn from data", L09, "7. The limits: labelled data and compute"),
    ("advantages and limitations", "non-linear relations", L02, "8. Without a non-linearity, depth buys nothing"),
    ("advantages and limitations", "generalize", L08, "1. Overfitting: too much capacity for the data"),
    ("advantages and limitations", "need compute, time and many labels", L09,
     "7. The limits: labelled data and compute"),
    ("advantages and limitations", "black boxes", L17, "1. A black box to explain"),
    ("applications", "image and pattern recognition", L10, "6. A convolutional network for digits"),
    ("applications", "language: sentiment", L13, "5. Learned embeddings"),
    ("applications", "language: sentiment", L13, "6. Attention"),
    ("applications", "language: translation", L13, "9. Beyond sentiment: translation and chat"),
    ("applications", "language: chat", L13, "9. Beyond sentiment: translation and chat"),
    ("applications", "recommendation", L14, "5. A neural recommender"),
    ("applications", "speech to text", L15, "7. A vowel recognizer"),
    ("applications", "speech to text", L15, "9. From vowels to words"),
    ("emerging trends", "deep learning (hierarchical features)", L09, "5. What depth buys"),
    ("emerging trends", "deep learning (hierarchical features)", L10, "6. A convolutional network for digits"),
    ("emerging trends", "transfer learning: pretrain", L16, "2. A pretrained network: body and head"),
    ("emerging trends", "transfer learning: fine-tune", L16, "7. Three strategies, few labels"),
    ("emerging trends", "transfer learning: less data and time", L16, "7. Three strategies, few labels"),
    ("emerging trends", "explainable AI", L17, "2. Saliency: the gradient of the score"),
    ("emerging trends", "explainable AI", L17,
     "5. Do explanations explain the model? The randomization sanity check"),
    ("neural vs traditional computing", "parallel processing", L18, "1. Parallel processing: one layer, four ways"),
    ("neural vs traditional computing", "learning instead of explicit rules", L18, "2. Rules vs learning"),
    ("neural vs traditional computing", "robustness to noisy or incomplete data", L18,
     "3. Robustness to noise and missing data"),
    ("neural vs traditional computing", "adaptability to new data", L18, "5. Adaptability: when the data drift"),
    ("ethics", "bias", L19, "1. Where bias comes from"),
    ("ethics", "fairness", L19, "2. Measuring unequal outcomes: selection rates and demographic parity"),
    ("ethics", "data privacy", L20, "1. A network that memorizes"),
    ("ethics", "anonymization", L20, "2. Anonymization, and how it fails"),
    ("ethics", "encryption", L20, "4. Encryption at rest, and a tampered file"),
    ("ethics", "secure storage", L20, "4. Encryption at rest, and a tampered file"),
    ("ethics", "transparency", L21, "1. Transparency: documents that travel with a model"),
    ("key takeaways", "the four take-home points", L21, "Key takeaways from the article"),
]


@functools.lru_cache(maxsize=None)
def headings(lesson: str) -> tuple[str, ...] | None:
    """The markdown headings of notebooks/<lesson>/<lesson>.ipynb, '#'s stripped; None if it is missing."""
    path = REPO / "notebooks" / lesson / f"{lesson}.ipynb"
    if not path.exists():
        return None
    notebook = nbformat.read(path, as_version=4)
    return tuple(line.lstrip("#").strip()
                 for cell in notebook.cells if cell.cell_type == "markdown"
                 for line in cell.source.splitlines() if line.startswith("#"))


@pytest.mark.parametrize("section, claim, lesson, heading", COVERAGE,
                         ids=[f"{s}|{c}|{lesson[:2]}" for s, c, lesson, _ in COVERAGE])
def test_claim_is_taught_under_its_heading(section, claim, lesson, heading):
    found = headings(lesson)
    where = f"article section {section!r}, claim {claim!r}: lesson {lesson}"
    assert found is not None, (
        f"{where} should teach it under the heading {heading!r}, "
        f"but notebooks/{lesson}/{lesson}.ipynb does not exist.")
    assert heading in found, (
        f"{where} has no heading {heading!r} any more (renamed or dropped?). "
        f"Its headings are:\n  " + "\n  ".join(found)
        + "\nPoint COVERAGE at the heading that now teaches the claim, or restore the section.")


def test_every_article_section_is_covered_in_order():
    known = [section for section, _ in ARTICLE_SECTIONS]
    unknown = sorted({s for s, *_ in COVERAGE} - set(known))
    assert not unknown, f"COVERAGE names sections the design doc does not have: {unknown}; known: {known}"
    missing = [s for s in known if not any(row[0] == s for row in COVERAGE)]
    assert not missing, f"article sections with no entry in COVERAGE: {missing}"
    first_seen = list(dict.fromkeys(s for s, *_ in COVERAGE))
    assert first_seen == known, f"COVERAGE should follow the design doc's order {known}, got {first_seen}"


@pytest.mark.parametrize("section, lessons", ARTICLE_SECTIONS, ids=[s for s, _ in ARTICLE_SECTIONS])
def test_section_is_taught_by_the_lessons_the_design_assigns(section, lessons):
    used = {lesson[:2] for s, _, lesson, _ in COVERAGE if s == section}
    assert used == lessons, (
        f"article section {section!r}: the design doc assigns lessons {sorted(lessons)}, COVERAGE uses "
        f"{sorted(used)} (not assigned: {sorted(used - lessons)}; assigned but unused: {sorted(lessons - used)})")
