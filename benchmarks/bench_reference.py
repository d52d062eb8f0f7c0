"""Reference results of the labkit model zoo, trained with ``labkit.train.fit``: a printed table.

    python benchmarks/bench_reference.py                 # every row
    python benchmarks/bench_reference.py mnist1d_cnn     # some rows (names as in ROWS)
    python benchmarks/bench_reference.py --threads 2     # torch threads (default 1)

Each row trains one model the way a lesson would, on 2 CPU cores, and prints the
figure reached beside its target, the wall-clock seconds and the CPU seconds of
the row (data loading included). The lesson budget is 60 s per row. On a machine
shared with other jobs the wall time grows with the load; CPU seconds of a
single-threaded run are closer to what a quiet machine would take.

Targets: digits MLP >= 97 %, digits CNN >= 98 % (test accuracy); MNIST-1D within
3 points of the paper (Greydanus 2020: logistic 32 %, MLP 68 %, CNN 94 %, GRU 91 %)
with the paper's architectures and optimizer (Adam, lr 1e-2, batch 100, no weight
decay, as in the mnist1d repository's notebooks/train.py and models.py). Logistic
regression and the MLP report the mean of 3 seeds (a single MLP run varies by
+-2.5 points); the CNN and GRU one run each, the GRU with batch 250 and 960 steps
to fit the budget (the repository trains 6000-8000 steps). Names generator
below the validation loss of a bigram model; recommender below the item-mean RMSE;
text classifier >= 85 % on held-out texts; vowel recognizer >= 90 %.
"""

from __future__ import annotations

import argparse
import math
import os
import time
from collections import Counter
from dataclasses import dataclass
from typing import Callable

import numpy as np
import torch

from labkit.data import (
    load_digits, load_mnist1d, load_names, load_ratings, load_texts, load_vowels, spectrogram,
)
from labkit.models import (
    MLP, BagOfEmbeddings, CharGenerator, CNN1d, MatrixFactorization, NeuralRecommender, RNNClassifier, SmallCNN,
    sequence_cross_entropy,
)
from labkit.text import build_vocab, encode
from labkit.train import EarlyStopping, evaluate, fit, predict

BUDGET_SECONDS = 60.0


@dataclass
class Result:
    """One line of the table: the figure, its target, and whether it is met."""

    row: str
    metric: str
    value: float
    target: str
    passed: bool
    note: str = ""
    seconds: float = float("nan")
    cpu_seconds: float = float("nan")


def accuracy_on(model, data) -> float:
    return evaluate(model, data)["accuracy"]


def digits_mlp() -> list[Result]:
    train, test = load_digits().split(test=0.2, seed=0)
    mu, sigma = train.X.mean(0), train.X.std(0) + 0.1  # standardize with training statistics only
    torch.manual_seed(0)
    model = MLP(64, (256,), 10, dropout=0.3)
    fit(model, ((train.X - mu) / sigma, train.y), epochs=60, batch_size=32, lr=1e-3, seed=0,
        loss=torch.nn.CrossEntropyLoss(label_smoothing=0.1))
    acc = accuracy_on(model, ((test.X - mu) / sigma, test.y))
    return [Result("digits_mlp", "test accuracy", 100 * acc, ">= 97 %", acc >= 0.97,
                   f"{len(test)} test images; standardized, label smoothing 0.1")]


def digits_cnn() -> list[Result]:
    train, test = load_digits(images=True).split(test=0.2, seed=0)
    torch.manual_seed(0)
    model = SmallCNN(channels=(32, 64), hidden=128, dropout=0.25)
    fit(model, train, epochs=30, batch_size=32, lr=2e-3, seed=0, loss=torch.nn.CrossEntropyLoss(label_smoothing=0.1))
    acc = accuracy_on(model, test)
    return [Result("digits_cnn", "test accuracy", 100 * acc, ">= 98 %", acc >= 0.98,
                   f"{len(test)} test images; label smoothing 0.1")]


def _mnist1d(row: str, build: Callable[[], torch.nn.Module], paper: float, epochs: int, batch_size: int = 100,
             seeds: tuple[int, ...] = (42,)):
    """Adam(lr=1e-2), no weight decay, as the MNIST-1D repository; the mean test accuracy over ``seeds``."""
    train, test = load_mnist1d("train"), load_mnist1d("test")
    accs = []
    for seed in seeds:
        torch.manual_seed(seed)
        model = build()
        fit(model, train, epochs=epochs, batch_size=batch_size, lr=1e-2, seed=seed)
        accs.append(100 * accuracy_on(model, test))
    acc = float(np.mean(accs))
    steps = epochs * math.ceil(len(train) / batch_size)
    spread = f"mean of {len(seeds)} seeds ({min(accs):.1f}-{max(accs):.1f}), " if len(seeds) > 1 else "seed 42, "
    return [Result(row, "test accuracy", acc, f"{paper:.0f} +- 3 %", abs(acc - paper) <= 3,
                   f"paper {paper:.0f} %; {spread}{steps} steps of {batch_size}")]


def mnist1d_logistic() -> list[Result]:
    return _mnist1d("mnist1d_logistic", lambda: MLP(40, (), 10), 32, epochs=25, seeds=(0, 1, 2))


def mnist1d_mlp() -> list[Result]:
    return _mnist1d("mnist1d_mlp", lambda: MLP(40, (100, 100), 10, residual=True), 68, epochs=75, seeds=(0, 1, 2))


def mnist1d_cnn() -> list[Result]:
    return _mnist1d("mnist1d_cnn", lambda: CNN1d(), 94, epochs=100)


def mnist1d_gru() -> list[Result]:
    def build():
        return RNNClassifier(1, 6, 10, kind="gru", bidirectional=True, readout="flatten", seq_len=40)

    return _mnist1d("mnist1d_gru", build, 91, epochs=60, batch_size=250)


def _bigram_loss(train_ids: np.ndarray, val_ids: np.ndarray, vocab_size: int, pad: int) -> float:
    """Cross-entropy (nats per character) of add-one smoothed bigram counts, on the same positions."""
    counts = np.ones((vocab_size, vocab_size))
    for row in train_ids:
        for a, b in zip(row[:-1], row[1:]):
            if b != pad:
                counts[a, b] += 1
    log_p = np.log(counts / counts.sum(1, keepdims=True))
    values = [log_p[a, b] for row in val_ids for a, b in zip(row[:-1], row[1:]) if b != pad]
    return -float(np.mean(values))


def names_generator() -> list[Result]:
    data = load_names("first", seed=0)
    vocab = data.extras["vocab"]
    n_val = len(data) // 10
    train_ids, val_ids = data.X[n_val:], data.X[:n_val]
    torch.manual_seed(0)
    model = CharGenerator(vocab, embedding_dim=24, hidden_size=128)
    history = fit(model, model.shift(train_ids), model.shift(val_ids), loss=sequence_cross_entropy,
                  metrics=("loss",), epochs=25, batch_size=64, lr=3e-3, seed=0,
                  callbacks=[EarlyStopping("val_loss", patience=3)])
    val_loss = history.best("val_loss").value
    bigram = _bigram_loss(train_ids, val_ids, len(vocab), vocab.pad_id)
    samples = model.sample(500, temperature=0.8, seed=0)
    known = set(data.extras["names"])
    real = np.mean([s in known for s in samples])
    unseen_train = set(data.extras["names"][n_val:])
    novel = np.mean([s not in unseen_train for s in samples])
    print("  names sampled at temperature 0.8:", ", ".join(samples[:12]))
    return [Result("names_generator", "val loss (nats/char)", val_loss, f"< bigram {bigram:.3f}", val_loss < bigram,
                   f"{100 * real:.0f} % of 500 samples are census names, {100 * novel:.0f} % not in training")]


def _rmse(pred: np.ndarray, target: np.ndarray) -> float:
    return float(np.sqrt(np.mean((pred - target) ** 2)))


def _recommender(row: str, build: Callable[[int, int, float], torch.nn.Module]) -> list[Result]:
    """Train on 70 % of the ratings (10 % for early stopping), report RMSE on the other 20 %."""
    data = load_ratings(seed=0)
    train, val, test = data.split(test=0.2, val=0.1, stratify=False, seed=0)
    n_users, n_items = data.extras["n_users"], data.extras["n_items"]
    mean = float(train.y.mean())
    sums = np.bincount(train.X[:, 1], weights=train.y, minlength=n_items)
    counts = np.bincount(train.X[:, 1], minlength=n_items)
    item_mean = np.where(counts > 0, (sums + 5 * mean) / (counts + 5), mean)  # lightly shrunk to the mean
    baseline = _rmse(item_mean[test.X[:, 1]], test.y)
    torch.manual_seed(0)
    model = build(n_users, n_items, mean)
    fit(model, train, val, loss="mse", epochs=60, batch_size=64, seed=0,
        optimizer=lambda params: torch.optim.AdamW(params, lr=5e-3, weight_decay=0.05),
        callbacks=[EarlyStopping("val_loss", patience=5)])
    rmse = _rmse(predict(model, test.X), test.y)
    return [Result(row, "test RMSE", rmse, f"< item mean {baseline:.3f}", rmse < baseline,
                   f"{len(test)} test ratings; global mean RMSE {_rmse(np.full(len(test), mean), test.y):.3f}")]


def matrix_factorization() -> list[Result]:
    return _recommender("matrix_factorization", lambda users, items, mean: MatrixFactorization(
        users, items, dim=8, global_mean=mean))


def neural_recommender() -> list[Result]:
    return _recommender("neural_recommender", lambda users, items, mean: NeuralRecommender(
        users, items, dim=16, hidden=(64, 32), dropout=0.2, global_mean=mean))


def text_classifier() -> list[Result]:
    data = load_texts("sentiment", seed=0)
    train, test = data.split(test=0.2, seed=0)
    vocab = build_vocab(train.extras["texts"], min_freq=2)  # the training texts only
    X_train, X_test = encode(train.extras["texts"], vocab), encode(test.extras["texts"], vocab, length=60)
    torch.manual_seed(0)
    model = BagOfEmbeddings(len(vocab), embedding_dim=32, n_classes=2, dropout=0.2)
    fit(model, (X_train, train.y), epochs=25, batch_size=32, lr=5e-3, seed=0)
    pred = predict(model, X_test).argmax(1)
    acc = float(np.mean(pred == test.y))
    hand = test.extras["handwritten"]
    hand_acc = float(np.mean(pred[hand] == test.y[hand]))
    return [Result("text_classifier", "test accuracy", 100 * acc, ">= 85 %", acc >= 0.85,
                   f"{len(test)} held-out reviews; {100 * hand_acc:.0f} % on the {int(hand.sum())} hand-written ones")]


def vowel_recognizer() -> list[Result]:
    data = load_vowels(n_per_class=100, seed=0)
    spectrum = spectrogram(data.X, n_fft=512).mean(axis=-1)  # (N, freq): vowels are steady, average the frames
    train, test = np.split(np.random.default_rng(0).permutation(len(data)), [int(0.8 * len(data))])
    mu, sigma = spectrum[train].mean(0), spectrum[train].std(0) + 1e-6
    features = (spectrum - mu) / sigma
    torch.manual_seed(0)
    model = MLP(features.shape[1], (64,), len(data.target_names), dropout=0.3)
    fit(model, (features[train], data.y[train]), epochs=60, batch_size=32, lr=1e-3, seed=0)
    acc = accuracy_on(model, (features[test], data.y[test]))
    return [Result("vowel_recognizer", "test accuracy", 100 * acc, ">= 90 %", acc >= 0.90,
                   f"{len(data.target_names)} vowels, {len(test)} test waves, mean spectrum + MLP")]


ROWS: dict[str, Callable[[], list[Result]]] = {
    "digits_mlp": digits_mlp,
    "digits_cnn": digits_cnn,
    "mnist1d_logistic": mnist1d_logistic,
    "mnist1d_mlp": mnist1d_mlp,
    "mnist1d_cnn": mnist1d_cnn,
    "mnist1d_gru": mnist1d_gru,
    "names_generator": names_generator,
    "matrix_factorization": matrix_factorization,
    "neural_recommender": neural_recommender,
    "text_classifier": text_classifier,
    "vowel_recognizer": vowel_recognizer,
}


def run(names: list[str]) -> list[Result]:
    results = []
    for name in names:
        wall, cpu = time.perf_counter(), time.process_time()
        rows = ROWS[name]()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        for result in rows:
            result.seconds, result.cpu_seconds = wall, cpu
            print(f"  {result.row}: {result.value:.3f} ({result.target}) in {wall:.1f} s", flush=True)
        results.extend(rows)
    return results


def print_table(results: list[Result]) -> None:
    header = f"{'row':<22} {'metric':<22} {'value':>8}  {'target':<22} {'ok':<4} {'wall s':>7} {'cpu s':>7}  note"
    print("\n" + header + "\n" + "-" * len(header))
    for r in results:
        ok = "yes" if r.passed else "NO"
        budget = "" if r.seconds <= BUDGET_SECONDS else " (over 60 s)"
        print(f"{r.row:<22} {r.metric:<22} {r.value:>8.3f}  {r.target:<22} {ok:<4} {r.seconds:>7.1f} "
              f"{r.cpu_seconds:>7.1f}  {r.note}{budget}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("rows", nargs="*", metavar="row", help=f"any of {list(ROWS)} (default: all)")
    parser.add_argument("--threads", type=int, default=1, help="torch CPU threads (default 1)")
    args = parser.parse_args()
    unknown = [row for row in args.rows if row not in ROWS]
    if unknown:
        parser.error(f"unknown rows {unknown}; choose from {list(ROWS)}")
    torch.set_num_threads(args.threads)
    torch.optim.Adam([torch.zeros(1, requires_grad=True)])  # first optimizer imports torch._dynamo (~3 s), once
    load_mnist1d("train")  # generate and cache MNIST-1D once, outside the timed rows
    print(f"torch {torch.__version__}, {torch.get_num_threads()} thread(s), {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f} (other jobs on the machine slow the wall time)")
    print_table(run(args.rows or list(ROWS)))


if __name__ == "__main__":
    main()
