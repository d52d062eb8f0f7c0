"""Embedding: a learned lookup table that turns integer ids (words, users, items) into vectors."""

from __future__ import annotations

import numpy as np

from labkit.nn import init
from labkit.nn._validation import check_grad_shape, check_positive_int, shape_text
from labkit.nn.dtype import resolve_dtype
from labkit.nn.module import Module
from labkit.nn.parameter import Parameter


class Embedding(Module):
    """Row ``i`` of ``weight`` is the vector of id ``i``, as ``torch.nn.Embedding``.

    Args:
        num_embeddings: number of ids V (valid ids are 0 .. V-1).
        embedding_dim: length D of each vector.
        padding_idx: an id whose vector stays zero and gets no gradient (e.g. padding).
        dtype: np.float64 (default) or np.float32.

    Shapes: ids (*) of integers -> (*, D). Parameter: weight (V, D), drawn from N(0, 1) as torch.
    backward(grad_out (*, D)) adds each row of grad_out to the row of its id in
    weight.grad and returns None: integer ids have no gradient.
    """

    def __init__(self, num_embeddings: int, embedding_dim: int, padding_idx: int | None = None, dtype=None):
        self.num_embeddings = check_positive_int(num_embeddings, "num_embeddings", "Embedding")
        self.embedding_dim = check_positive_int(embedding_dim, "embedding_dim", "Embedding")
        if padding_idx is not None:
            if not -self.num_embeddings <= padding_idx < self.num_embeddings:
                raise ValueError(f"Embedding: padding_idx must be within the {num_embeddings} ids, got {padding_idx}.")
            padding_idx = int(padding_idx) % self.num_embeddings
        self.padding_idx = padding_idx
        self.weight = init.normal_(Parameter(np.zeros((self.num_embeddings, self.embedding_dim)),
                                             dtype=resolve_dtype(dtype)))
        if padding_idx is not None:
            self.weight.data[padding_idx] = 0.0
        self._ids = None

    def describe(self) -> str:
        return f"Embedding({self.num_embeddings}, {self.embedding_dim})"

    def extra_repr(self) -> str:
        extra = f", padding_idx={self.padding_idx}" if self.padding_idx is not None else ""
        return f"{self.num_embeddings}, {self.embedding_dim}{extra}"

    def forward(self, ids) -> np.ndarray:
        """ids (*) integers in [0, V) -> vectors (*, D)."""
        ids = np.asarray(ids)
        if ids.dtype.kind not in "iu":
            hint = (" Hint: convert with ids.astype(int)." if ids.dtype.kind in "fb" else "")
            raise TypeError(f"{self.describe()} expected integer ids, got dtype {ids.dtype} "
                            f"(shape {shape_text(ids.shape)}).{hint}")
        if ids.size and (ids.min() < 0 or ids.max() >= self.num_embeddings):
            bad = ids.min() if ids.min() < 0 else ids.max()
            raise IndexError(f"{self.describe()} got id {int(bad)}, but valid ids are 0 to "
                             f"{self.num_embeddings - 1}. Hint: num_embeddings must be the vocabulary size "
                             "(largest id + 1).")
        self._ids = ids
        return self.weight.data[ids]

    def backward(self, grad_out: np.ndarray) -> None:
        """grad_out (*, D) -> None; adds to weight.grad (V, D)."""
        self._require_forward(self._ids)
        grad = check_grad_shape(grad_out, self._ids.shape + (self.embedding_dim,), self.describe())
        grad_w = np.zeros_like(self.weight.data)
        np.add.at(grad_w, self._ids.reshape(-1), grad.reshape(-1, self.embedding_dim))  # repeated ids add up
        if self.padding_idx is not None:
            grad_w[self.padding_idx] = 0.0
        self.weight.accumulate_grad(grad_w)
        return None
