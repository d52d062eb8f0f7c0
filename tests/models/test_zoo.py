"""Every model of labkit.models: output shape on a batch, and one training step that changes it."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch.nn import functional as F

from labkit.models import (
    MLP, BagOfEmbeddings, CharGenerator, CNN1d, DigitsDiscriminator, DigitsGenerator, Discriminator2d,
    Generator2d, MatrixFactorization, NeuralRecommender, RNNClassifier, SmallCNN, sequence_cross_entropy,
)

N = 5
NAMES_CHARS = "abcdefghijklmnopqrstuvwxyz"


def ids(high, shape):
    return torch.randint(0, high, shape)


def classification(model, x, n_classes):
    return model, x, (N, n_classes), lambda out: F.cross_entropy(out, torch.randint(0, n_classes, (N,)))


CASES = {
    "MLP": lambda: classification(MLP(64, (32, 16), 10, dropout=0.1), torch.randn(N, 64), 10),
    "MLP images": lambda: classification(MLP(64, (32,), 10, activation="tanh"), torch.randn(N, 1, 8, 8), 10),
    "MLP residual": lambda: classification(MLP(40, (20, 20), 10, residual=True), torch.randn(N, 40), 10),
    "logistic": lambda: classification(MLP(40, (), 10), torch.randn(N, 40), 10),
    "SmallCNN": lambda: classification(SmallCNN(), torch.randn(N, 1, 8, 8), 10),
    "SmallCNN flat": lambda: classification(SmallCNN(channels=(8,), hidden=0), torch.randn(N, 64), 10),
    "CNN1d": lambda: classification(CNN1d(), torch.randn(N, 40), 10),
    "rnn": lambda: classification(RNNClassifier(1, 8, 4, kind="rnn"), torch.randn(N, 12), 4),
    "gru flatten": lambda: classification(
        RNNClassifier(1, 6, 10, kind="gru", bidirectional=True, readout="flatten", seq_len=40), torch.randn(N, 40), 10),
    "lstm mean": lambda: classification(
        RNNClassifier(3, 8, 2, kind="lstm", num_layers=2, readout="mean"), torch.randn(N, 7, 3), 2),
    "gru tokens": lambda: classification(RNNClassifier(hidden_size=8, n_classes=3, vocab_size=20), ids(20, (N, 9)), 3),
    "BagOfEmbeddings": lambda: classification(BagOfEmbeddings(30, 8, 4), ids(30, (N, 6)), 4),
    "CharGenerator": lambda: (
        CharGenerator(NAMES_CHARS, embedding_dim=8, hidden_size=16), ids(30, (N, 7)), (N, 7, 30),
        lambda out: sequence_cross_entropy(out, ids(30, (N, 7))),
    ),
    "Generator2d": lambda: (Generator2d(), torch.randn(N, 2), (N, 2), lambda out: out.pow(2).mean()),
    "Discriminator2d": lambda: (
        Discriminator2d(), torch.randn(N, 2), (N, 1),
        lambda out: F.binary_cross_entropy_with_logits(out, torch.ones(N, 1))),
    "DigitsGenerator": lambda: (DigitsGenerator(), torch.randn(N, 16), (N, 1, 8, 8), lambda out: out.mean()),
    "DigitsDiscriminator": lambda: (
        DigitsDiscriminator(), torch.rand(N, 1, 8, 8), (N, 1),
        lambda out: F.binary_cross_entropy_with_logits(out, torch.zeros(N, 1))),
    "MatrixFactorization": lambda: (
        MatrixFactorization(7, 9, dim=4, global_mean=3.5), torch.stack([ids(7, (N,)), ids(9, (N,))], 1), (N,),
        lambda out: F.mse_loss(out, torch.full((N,), 4.0))),
    "NeuralRecommender": lambda: (
        NeuralRecommender(7, 9, dim=4, global_mean=3.5), torch.stack([ids(7, (N,)), ids(9, (N,))], 1), (N,),
        lambda out: F.mse_loss(out, torch.full((N,), 4.0))),
}


@pytest.mark.parametrize("name", list(CASES))
def test_forward_shape_and_one_training_step(name):
    torch.manual_seed(0)
    model, x, shape, loss_of = CASES[name]()
    out = model(x)
    assert tuple(out.shape) == shape
    before = [p.detach().clone() for p in model.parameters()]
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
    loss = loss_of(out)
    assert torch.isfinite(loss)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    changed = [not torch.equal(a, b) for a, b in zip(before, model.parameters())]
    assert sum(changed) >= len(changed) - 1, f"{name}: only {sum(changed)} of {len(changed)} tensors changed"
    # (the padding row of an embedding gets no gradient, everything else must move)


def test_paper_architectures_have_the_papers_parameter_counts():
    """MNIST-1D repo (notebooks/models.py) prints 15210 (MLP), 5210 (ConvBase), 5134 (GRUBase), 410 (linear)."""
    def count(model):
        return sum(p.numel() for p in model.parameters())

    assert count(MLP(40, (100, 100), 10, residual=True)) == 15210
    assert count(CNN1d()) == 5210
    assert count(RNNClassifier(1, 6, 10, kind="gru", bidirectional=True, readout="flatten", seq_len=40)) == 5134
    assert count(MLP(40, (), 10)) == 410


def test_mlp_computes_what_its_docstring_says():
    torch.manual_seed(0)
    model = MLP(3, (4, 4), 2, residual=True)
    x = torch.randn(6, 3)
    h = torch.relu(model.layers[0](x))
    h = h + torch.relu(model.layers[1](h))
    torch.testing.assert_close(model(x), model.head(h))


def test_matrix_factorization_is_dot_plus_biases():
    torch.manual_seed(0)
    model = MatrixFactorization(4, 5, dim=3, global_mean=3.0)
    torch.nn.init.normal_(model.user_bias.weight)
    users, items = torch.tensor([0, 3, 1]), torch.tensor([4, 0, 2])
    expected = ((model.user_factors.weight[users] * model.item_factors.weight[items]).sum(1)
                + model.user_bias.weight[users, 0] + model.item_bias.weight[items, 0] + 3.0)
    torch.testing.assert_close(model(users, items), expected)
    torch.testing.assert_close(model(torch.stack([users, items], 1)), expected)


def test_bag_of_embeddings_averages_the_non_padding_tokens():
    torch.manual_seed(0)
    model = BagOfEmbeddings(10, 4, 3)
    x = torch.tensor([[5, 2, 0, 0], [7, 7, 7, 1]])
    table = model.embedding.weight
    means = torch.stack([table[[5, 2]].mean(0), table[[7, 7, 7, 1]].mean(0)])
    torch.testing.assert_close(model(x), model.head(means))
    with pytest.raises(ValueError, match="vocab_size"):
        model(torch.tensor([[12, 1]]))


def test_char_generator_learns_one_name_and_samples_it():
    from labkit.data.vocab import Vocab

    vocab = Vocab.build(["anna"], level="char")
    torch.manual_seed(0)
    model = CharGenerator(vocab, embedding_dim=8, hidden_size=32)
    x, y = model.shift(vocab.encode_batch(["anna"] * 4, length=8))
    assert (y[:, -2:] == -100).all(), "padding positions are ignored"
    optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
    for _ in range(60):
        loss = sequence_cross_entropy(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    assert model.sample(5, temperature=0.5, seed=0) == ["anna"] * 5
    assert model.sample(2, temperature=0.5, seed=0, prefix="an") == ["anna"] * 2


def test_char_generator_sampling_is_seeded_and_bounded():
    model = CharGenerator(NAMES_CHARS, embedding_dim=8, hidden_size=16)
    first = model.sample(6, seed=3, max_length=5)
    assert first == model.sample(6, seed=3, max_length=5)
    assert len(first) == 6 and all(len(name) <= 5 and set(name) <= set(NAMES_CHARS) for name in first)
    assert all(name.startswith("zo") for name in model.sample(3, seed=1, prefix="zo"))
    with pytest.raises(ValueError, match="not in the vocabulary"):
        model.sample(1, prefix="Z!")
    with pytest.raises(ValueError, match="temperature"):
        model.sample(1, temperature=0)


def test_generators_sample_reproducibly():
    generator = DigitsGenerator()
    images = generator.sample(4, seed=0)
    assert images.shape == (4, 1, 8, 8) and float(images.min()) >= 0 and float(images.max()) <= 1
    torch.testing.assert_close(images, generator.sample(4, seed=0))
    assert Generator2d(latent_dim=3).noise(7).shape == (7, 3)


@pytest.mark.parametrize(
    "build, words",
    [
        (lambda: MLP(0, (8,), 2), "in_features"),
        (lambda: MLP(4, (8, -1), 2), "hidden"),
        (lambda: MLP(4, (8,), 2, activation="swish2"), "unknown activation"),
        (lambda: MLP(4, (8,), 2, dropout=1.0), "dropout"),
        (lambda: SmallCNN(image_size=8, channels=(4, 8, 16, 32)), "cannot be halved"),
        (lambda: SmallCNN(kernel_size=4), "odd"),
        (lambda: CNN1d(in_length=2), "shrinks"),
        (lambda: RNNClassifier(kind="transformer"), "kind"),
        (lambda: RNNClassifier(readout="flatten"), "seq_len"),
        (lambda: CharGenerator(42), "vocab"),
    ],
)
def test_bad_arguments_are_explained(build, words):
    with pytest.raises((ValueError, TypeError), match=words):
        build()


def test_wrong_input_shapes_are_explained():
    with pytest.raises(ValueError, match="in_features=64"):
        MLP(10, (4,), 2)(torch.randn(3, 64))
    with pytest.raises(ValueError, match=r"images=True"):
        SmallCNN()(torch.randn(3, 3, 8, 8))
    with pytest.raises(ValueError, match="CNN1d expected"):
        CNN1d()(torch.randn(3, 41))
    with pytest.raises(ValueError, match="pairs"):
        MatrixFactorization(3, 3)(torch.tensor([0, 1]))


def test_zoo_models_train_with_fit():
    from labkit.train import fit

    rng = np.random.default_rng(0)
    pairs = np.stack([rng.integers(0, 6, 60), rng.integers(0, 8, 60)], 1)
    ratings = (1 + pairs[:, 0] % 3 + pairs[:, 1] % 2).astype(np.float32)
    history = fit(MatrixFactorization(6, 8, dim=3, global_mean=float(ratings.mean())), (pairs, ratings),
                  loss="mse", epochs=30, batch_size=16, lr=0.05)
    assert history["loss"][-1] < 0.5 * history["loss"][0]


@settings(max_examples=25, deadline=None)
@given(
    batch=st.integers(1, 6),
    in_features=st.integers(1, 12),
    hidden=st.lists(st.integers(1, 9), max_size=3),
    out_features=st.integers(1, 5),
)
def test_mlp_shapes_for_any_sizes(batch, in_features, hidden, out_features):
    model = MLP(in_features, tuple(hidden), out_features)
    assert model(torch.randn(batch, in_features)).shape == (batch, out_features)


@settings(max_examples=25, deadline=None)
@given(batch=st.integers(1, 4), length=st.integers(5, 60), layers=st.integers(1, 3), kind=st.sampled_from(["rnn", "gru", "lstm"]))
def test_sequence_models_for_any_lengths(batch, length, layers, kind):
    assert CNN1d(in_length=length, kernel_sizes=(3,) * layers, channels=4)(torch.randn(batch, length)).shape == (batch, 10)
    model = RNNClassifier(1, 4, 3, kind=kind, readout="flatten", seq_len=length)
    assert model(torch.randn(batch, length)).shape == (batch, 3)
