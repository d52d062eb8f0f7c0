"""RNNClassifier: a recurrent network (RNN, GRU or LSTM) that reads a sequence and outputs class scores."""

from __future__ import annotations

import torch
from torch import nn

from labkit.models.mlp import check_dropout

KINDS = {"rnn": nn.RNN, "gru": nn.GRU, "lstm": nn.LSTM}
READOUTS = ("last", "mean", "flatten")


class RNNClassifier(nn.Module):
    """Sequence -> recurrent layer(s) -> a linear layer on a summary of the hidden states.

    Args:
        input_size: features per time step (1 for a plain signal); ignored with ``vocab_size``.
        hidden_size: units of the recurrent state.
        n_classes: outputs per sequence.
        kind: "rnn" (tanh Elman), "gru" or "lstm".
        num_layers: stacked recurrent layers.
        bidirectional: also read the sequence backwards (doubles the features).
        readout: what the linear layer sees: "last" (state after the last step),
            "mean" (average over steps), or "flatten" (every step's state side by side,
            which needs ``seq_len``; the GRU of the MNIST-1D paper does this).
        seq_len: sequence length, required for readout="flatten".
        vocab_size: when given, inputs are integer token ids embedded first.
        embedding_dim: size of those embeddings.
        dropout: dropout before the linear layer.

    Shapes: x (N, T) signal values or token ids, or (N, T, input_size) -> logits (N, n_classes).
    """

    def __init__(
        self,
        input_size: int = 1,
        hidden_size: int = 32,
        n_classes: int = 10,
        kind: str = "gru",
        num_layers: int = 1,
        bidirectional: bool = False,
        readout: str = "last",
        seq_len: int | None = None,
        vocab_size: int | None = None,
        embedding_dim: int = 32,
        dropout: float = 0.0,
    ) -> None:
        super().__init__()
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {sorted(KINDS)}, got {kind!r}.")
        if readout not in READOUTS:
            raise ValueError(f"readout must be one of {READOUTS}, got {readout!r}.")
        if readout == "flatten" and not seq_len:
            raise ValueError("readout='flatten' puts every time step side by side: pass seq_len (e.g. 40).")
        self.kind, self.readout, self.seq_len = kind, readout, seq_len
        self.embedding = None if vocab_size is None else nn.Embedding(vocab_size, embedding_dim, padding_idx=0)
        self.input_size = embedding_dim if vocab_size is not None else input_size
        self.rnn = KINDS[kind](self.input_size, hidden_size, num_layers=num_layers, batch_first=True,
                               bidirectional=bidirectional)
        features = hidden_size * (2 if bidirectional else 1)
        if readout == "flatten":
            features *= seq_len
        self.dropout = nn.Dropout(check_dropout(dropout))
        self.head = nn.Linear(features, n_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """x (N, T) or (N, T, input_size) -> (N, n_classes)."""
        if self.embedding is not None:
            x = self.embedding(x.long())  # (N, T, E)
        elif x.dim() == 2:
            x = x.unsqueeze(-1)  # (N, T, 1)
        if x.dim() != 3 or x.shape[-1] != self.input_size:
            raise ValueError(
                f"RNNClassifier expected (N, T, {self.input_size}) or (N, T) inputs, got {tuple(x.shape)}."
            )
        states, _ = self.rnn(x)  # (N, T, H * directions)
        if self.readout == "last":
            summary = states[:, -1]
        elif self.readout == "mean":
            summary = states.mean(dim=1)
        else:
            if states.shape[1] != self.seq_len:
                raise ValueError(f"readout='flatten' was built for seq_len={self.seq_len}, got T={states.shape[1]}.")
            summary = states.flatten(1)  # (N, T * H * directions)
        return self.head(self.dropout(summary))
