"""Make the pretrained networks of lesson 16: ``pretrained.pt`` beside this script.

    .venv/bin/python notebooks/16_transfer_learning/make_pretrained.py

Three networks, trained with ``labkit.transfer.train_classifier`` (full-batch Adam, seeded): two
copies of ``labkit.models.CNN1d(n_classes=5)`` (MNIST-1D's CNN, 4,580 parameters each) and one
with batch normalization after each convolution (``labkit.transfer.add_batchnorm``, 4,730):

* ``digits``: MNIST-1D classes 0-4 (the 2,000 training signals of those classes), the source
  task related to the lesson's target (classes 5-9);
* ``tones``: ``labkit.transfer.tone_task`` (which of five frequencies a noisy tone has), a source
  task unrelated to digits;
* ``digits_bn``: the network with batch normalization, on the same source task as ``digits``
  (section 10 of the lesson: what fine-tuning does to batch-norm statistics).

The file holds the three state dicts and, under "meta", the settings, the test accuracy on each source
task, the seconds each pretraining took and the torch version. It is about 70 KB; re-running this
script reproduces it (the same seed gives the same weights on the same torch build).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import torch

from labkit.data import load_mnist1d
from labkit.models import CNN1d
from labkit.transfer import add_batchnorm, tone_task, train_classifier

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent / "pretrained.pt"
SETTINGS = {"steps": 400, "lr": 1e-2, "seed": 0, "source_classes": [0, 1, 2, 3, 4], "tones_per_class": 400}


def accuracy(model, X, y) -> float:
    with torch.no_grad():
        return float(np.mean(model(torch.as_tensor(X)).argmax(dim=1).numpy() == y))


def pretrain(X, y, X_test, y_test, batchnorm: bool = False) -> tuple[dict, float, float]:
    torch.manual_seed(SETTINGS["seed"])
    model = CNN1d(n_classes=5)
    if batchnorm:
        model = add_batchnorm(model)
    start = time.perf_counter()
    train_classifier(model, X, y, steps=SETTINGS["steps"], lr=SETTINGS["lr"], seed=SETTINGS["seed"])
    seconds = time.perf_counter() - start
    return model.state_dict(), accuracy(model, X_test, y_test), seconds


def main() -> None:
    torch.set_num_threads(1)
    train, test = load_mnist1d("train"), load_mnist1d("test")
    source, source_test = train.y < 5, test.y < 5
    digits, digits_acc, digits_s = pretrain(train.X[source], train.y[source], test.X[source_test], test.y[source_test])
    X_tones, y_tones = tone_task(SETTINGS["tones_per_class"], seed=0)
    X_tones_test, y_tones_test = tone_task(100, seed=1)
    tones, tones_acc, tones_s = pretrain(X_tones, y_tones, X_tones_test, y_tones_test)
    digits_bn, digits_bn_acc, digits_bn_s = pretrain(train.X[source], train.y[source], test.X[source_test],
                                                     test.y[source_test], batchnorm=True)
    meta = {**SETTINGS, "digits_test_accuracy": digits_acc, "digits_seconds": digits_s,
            "tones_test_accuracy": tones_acc, "tones_seconds": tones_s, "torch": str(torch.__version__),
            "n_source_train": int(source.sum()), "digits_bn_test_accuracy": digits_bn_acc,
            "digits_bn_seconds": digits_bn_s}
    torch.save({"digits": digits, "tones": tones, "digits_bn": digits_bn, "meta": meta}, OUT)
    print(f"wrote {OUT} ({OUT.stat().st_size / 1024:.0f} KB): {meta}")


if __name__ == "__main__":
    main()
