"""Looking inside recurrent networks (lesson 11): gradients through time, a memory task,
hidden states step by step, and names drawn one character at a time.

- :func:`gradient_through_time`: how strongly the last hidden state still depends on each input,
  ``|d h_T / d x_t|`` for t = 0..T-1, measured with autograd (vanishing gradients, measured).
- :func:`set_gate_bias_`: open the "keep" gate of an LSTM (forget gate) or GRU (update gate).
- :func:`memory_task` and :func:`train_memory_task`: remember the sign of the first input over T steps.
- :func:`char_states`: a :class:`~labkit.models.CharGenerator`'s state and next-character
  probabilities after each character of a text.
- :func:`sample_names`: draw names with a character-choosing function you pass in.
- :func:`recursive_forecast`: forecast many steps ahead with a one-step forecaster, feeding its own
  forecasts back in (lesson 11's reference for the demos).
"""

from __future__ import annotations

from typing import Callable

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

KINDS = {"rnn": nn.RNN, "gru": nn.GRU, "lstm": nn.LSTM}


def _check_int(name: str, value, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}, got {value!r}.")
    return int(value)


def _check_recurrent(rnn) -> nn.RNNBase:
    if not isinstance(rnn, nn.RNNBase):
        raise TypeError(f"rnn must be a torch.nn.RNN, GRU or LSTM, got {type(rnn).__name__}.")
    if not rnn.batch_first:
        raise ValueError("rnn must be built with batch_first=True (inputs (batch, time, features)).")
    return rnn


def gradient_through_time(rnn: nn.RNNBase, length: int = 100, batch: int = 16, seed: int = 0) -> np.ndarray:
    """How much the last hidden state depends on each earlier input, measured by backpropagation.

    Feeds ``batch`` random sequences (standard normal, ``seed``) of ``length`` steps through
    ``rnn`` (a ``batch_first`` torch RNN/GRU/LSTM), backpropagates the sum of the last step's
    output ``h_T`` and returns, for every step t, the mean over the batch of the Euclidean norm
    of ``d sum(h_T) / d x_t``.

    Returns:
        (length,) float array; entry t is the gradient reaching input t from the end.
    """
    rnn = _check_recurrent(rnn)
    length = _check_int("length", length, 1)
    batch = _check_int("batch", batch, 1)
    weight = next(rnn.parameters())
    generator = torch.Generator().manual_seed(seed)
    x = torch.randn(batch, length, rnn.input_size, generator=generator)
    x = x.to(device=weight.device, dtype=weight.dtype).requires_grad_(True)
    out, _ = rnn(x)  # (B, T, H * directions)
    out[:, -1].sum().backward()
    return x.grad.norm(dim=2).mean(dim=0).detach().cpu().numpy()  # (T,)


def set_gate_bias_(rnn: nn.RNNBase, value: float) -> nn.RNNBase:
    """Add ``value`` to the bias of the gate that keeps the old state, in every layer; returns ``rnn``.

    LSTM: the forget gate f (torch's gate order i, f, g, o), so ``c_t = f * c_{t-1} + ...`` keeps more.
    GRU: the update gate z (torch's order r, z, n), so ``h_t = (1 - z) * n + z * h_{t-1}`` keeps more.
    A positive ``value`` makes the cell remember by default (Gers et al. 2000; Jozefowicz et al. 2015
    recommend a forget bias of 1 for LSTMs).
    """
    rnn = _check_recurrent(rnn)
    if isinstance(rnn, nn.LSTM) or isinstance(rnn, nn.GRU):
        hidden = rnn.hidden_size
        with torch.no_grad():
            for name, param in rnn.named_parameters():
                if name.startswith("bias_ih"):
                    param[hidden:2 * hidden] += float(value)
        return rnn
    raise TypeError(f"set_gate_bias_ needs an LSTM or a GRU (a plain RNN has no gates), got {type(rnn).__name__}.")


def memory_task(length: int, n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Sequences whose label is the sign of their first value; every later value is noise.

    Step 0 holds +2 or -2 (label 1 or 0); steps 1..length-1 are standard normal noise.
    Returns X (n, length, 1) float32 and y (n,) int64. A network that reads the whole sequence and
    answers at the end must carry one bit across ``length - 1`` steps of noise.
    """
    length = _check_int("length", length, 1)
    n = _check_int("n", n, 1)
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, size=n)
    X = rng.normal(size=(n, length, 1))
    X[:, 0, 0] = np.where(y == 1, 2.0, -2.0)
    return X.astype(np.float32), y.astype(np.int64)


def train_memory_task(kind: str = "rnn", length: int = 10, *, hidden_size: int = 16, gate_bias: float = 0.0,
                      steps: int = 250, batch_size: int = 64, lr: float = 1e-2, seed: int = 0) -> dict:
    """Train a recurrent classifier (``labkit.models.RNNClassifier``) on :func:`memory_task`.

    Args:
        kind: "rnn", "gru" or "lstm".
        length: steps per sequence.
        hidden_size: units of the state.
        gate_bias: added to the forget (LSTM) or update (GRU) gate bias before training.
        steps: Adam steps, each on a fresh batch of ``batch_size`` sequences.
        lr: Adam's learning rate.
        seed: seeds the weights and the data.

    Returns:
        {"accuracy": on 2,000 new sequences, "losses": (steps,) training losses, "model": the network}.
    """
    from labkit.models import RNNClassifier

    if kind not in KINDS:
        raise ValueError(f"kind must be one of {sorted(KINDS)}, got {kind!r}.")
    steps = _check_int("steps", steps, 1)
    torch.manual_seed(seed)
    model = RNNClassifier(1, hidden_size, 2, kind=kind)
    if gate_bias:
        set_gate_bias_(model.rnn, gate_bias)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    X, y = (torch.from_numpy(a) for a in memory_task(length, steps * batch_size, seed=seed + 1))
    losses = np.empty(steps)
    model.train()
    for step in range(steps):
        batch = slice(step * batch_size, (step + 1) * batch_size)
        loss = F.cross_entropy(model(X[batch]), y[batch])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses[step] = loss.item()
    model.eval()
    X_test, y_test = (torch.from_numpy(a) for a in memory_task(length, 2000, seed=seed + 2))
    with torch.no_grad():
        accuracy = (model(X_test).argmax(1) == y_test).float().mean().item()
    return {"accuracy": accuracy, "losses": losses, "model": model}


def _encode(model, text: str) -> list[int]:
    vocab = model.vocab
    stoi = getattr(vocab, "stoi", {c: i for i, c in enumerate(vocab.itos)})
    unknown = sorted({c for c in text if c not in stoi})
    if unknown:
        raise ValueError(f"text {text!r} has characters {unknown} that are not in the model's vocabulary.")
    return [vocab.start_id] + [stoi[c] for c in text]


@torch.no_grad()
def char_states(model, text: str) -> tuple[np.ndarray, np.ndarray]:
    """A CharGenerator read ``text`` one character at a time, after the start token.

    Returns:
        states (len(text) + 1, H): the (last layer's) hidden state after <s> and after each character;
        probs (len(text) + 1, V): the model's probabilities for the next character at each of those points.
    """
    ids = torch.tensor([_encode(model, text)], device=model.head.weight.device)  # (1, T+1)
    was_training = model.training
    model.eval()
    hidden = None
    states, probs = [], []
    for t in range(ids.shape[1]):  # one step at a time, as the network runs when it generates
        logits, hidden = model(ids[:, t:t + 1], hidden, return_hidden=True)  # (1, 1, V), (layers, 1, H)
        states.append(hidden[-1, 0].cpu().numpy())
        probs.append(F.softmax(logits[0, 0], dim=-1).cpu().numpy())
    model.train(was_training)
    return np.stack(states), np.stack(probs)


@torch.no_grad()
def sample_names(model, choose: Callable, n: int = 10, temperature: float = 1.0, seed: int = 0,
                 max_length: int = 20) -> list[str]:
    """Draw ``n`` names from a CharGenerator, letting ``choose`` pick every character.

    ``choose(logits, temperature, rng)`` gets the next-character logits as a NumPy array (V,),
    the temperature and a ``numpy.random.Generator`` (seeded with ``seed``), and returns the id
    of the next character. Padding, start and unknown ids are masked to -inf first, so only real
    characters and the end token can be chosen; a name ends at the end token or ``max_length``.
    """
    n = _check_int("n", n, 1)
    max_length = _check_int("max_length", max_length, 1)
    if not callable(choose):
        raise TypeError(f"choose must be a function (logits, temperature, rng) -> id, got {type(choose).__name__}.")
    vocab = model.vocab
    banned = [vocab.pad_id, vocab.start_id, getattr(vocab, "unk_id", vocab.pad_id)]
    rng = np.random.default_rng(seed)
    device = model.head.weight.device
    was_training = model.training
    model.eval()
    names = []
    for _ in range(n):
        ids, hidden, chars = torch.tensor([[vocab.start_id]], device=device), None, []
        for _ in range(max_length):
            logits, hidden = model(ids, hidden, return_hidden=True)
            step = logits[0, -1].double().cpu().numpy().copy()  # (V,)
            step[banned] = -np.inf
            choice = int(choose(step, temperature, rng))
            if not 0 <= choice < len(step) or choice in banned:
                raise ValueError(f"choose returned id {choice}, which is not a character or the end token.")
            if choice == vocab.end_id:
                break
            chars.append(vocab.itos[choice])
            ids = torch.tensor([[choice]], device=device)
        names.append("".join(chars))
    model.train(was_training)
    return names


def recursive_forecast(predict: Callable, windows: np.ndarray, horizon: int) -> np.ndarray:
    """Forecast ``horizon`` steps ahead with a one-step forecaster fed its own forecasts.

    Args:
        predict: maps windows (N, W, 1) to next values (N, 1), e.g. a trained model wrapped for NumPy.
        windows: the last W known values of each series, (N, W, 1).
        horizon: how many steps to forecast (>= 1).

    Returns:
        (N, horizon): column h is the forecast h + 1 steps after each window. After each step the window
        slides by one: its oldest value drops out and the forecast just made becomes its newest value.
    """
    horizon = _check_int("horizon", horizon, 1)
    window = np.asarray(windows, dtype=float)
    if window.ndim != 3 or window.shape[2] != 1:
        raise ValueError(f"recursive_forecast expected windows (N, W, 1), got shape {window.shape}. "
                         "A batch of univariate windows: X[..., None] adds the feature axis.")
    forecasts = []
    for _ in range(horizon):
        step = np.asarray(predict(window), dtype=float).reshape(len(window), 1)  # (N, 1)
        forecasts.append(step)
        window = np.concatenate([window[:, 1:], step[:, None]], axis=1)  # (N, W, 1), newest last
    return np.concatenate(forecasts, axis=1)
