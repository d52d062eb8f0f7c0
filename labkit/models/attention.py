"""AttentionClassifier: a text classifier with one self-attention layer and attention pooling.

    model = AttentionClassifier(len(vocab), embedding_dim=32, n_classes=2)
    logits = model(ids)                    # ids (N, T) int64, 0 = padding -> (N, 2)
    weights = model.attention_weights(ids) # {"self": (N, T, T), "pool": (N, T)}

Each word first looks at every other word of its text (self-attention: queries,
keys, values, softmax weights, as in Vaswani et al. 2017, one head, no feed-forward
block); then one learned query asks "which words matter for the label?" and the
text's vector is the attention-weighted average of the words (attention pooling)
instead of the plain average that :class:`labkit.models.BagOfEmbeddings` takes.
The attention is written out (not ``F.scaled_dot_product_attention``) so that its
weights can be inspected; ``tests/models/test_attention.py`` checks it against PyTorch.
"""

from __future__ import annotations

import math

import torch
from torch import nn

from labkit.models.mlp import check_sizes


class AttentionClassifier(nn.Module):
    """Embeddings (+ learned positions) -> single-head self-attention (residual) -> attention pooling -> linear.

    Args:
        vocab_size: number of token ids (``len(vocab)``).
        embedding_dim: size d of token vectors, queries, keys and values.
        n_classes: outputs per text.
        max_len: longest text (in tokens) the position table covers.
        padding_idx: the padding id (0 in labkit vocabularies); padding is never attended to.
        positions: add a learned position vector to each token (False: word order is invisible).

    Shapes: ids (N, T) int64 with T <= max_len -> logits (N, n_classes).
    Every text needs at least one token that is not padding.
    """

    def __init__(self, vocab_size: int, embedding_dim: int = 32, n_classes: int = 2, max_len: int = 128,
                 padding_idx: int = 0, positions: bool = True) -> None:
        super().__init__()
        check_sizes("vocab_size, embedding_dim, n_classes, max_len", (vocab_size, embedding_dim, n_classes, max_len))
        self.vocab_size, self.max_len, self.padding_idx = vocab_size, max_len, padding_idx
        d = embedding_dim
        self.embedding = nn.Embedding(vocab_size, d, padding_idx=padding_idx)
        self.position = nn.Embedding(max_len, d) if positions else None
        if self.position is not None:
            nn.init.normal_(self.position.weight, std=0.1)
        self.query = nn.Linear(d, d, bias=False)
        self.key = nn.Linear(d, d, bias=False)
        self.value = nn.Linear(d, d, bias=False)
        self.pool_query = nn.Parameter(torch.randn(d) * 0.1)  # the learned question "which words matter?"
        self.head = nn.Linear(d, n_classes)

    def _check(self, ids: torch.Tensor) -> torch.Tensor:
        if not isinstance(ids, torch.Tensor):
            ids = torch.as_tensor(ids)
        if ids.dim() != 2:
            raise ValueError(f"AttentionClassifier expected padded ids (N, T), got shape {tuple(ids.shape)}.")
        ids = ids.long()
        if ids.shape[1] > self.max_len:
            raise ValueError(f"texts of {ids.shape[1]} tokens are longer than max_len={self.max_len}; "
                             "cut them (encode with a length) or build the model with a larger max_len.")
        if ids.numel() and (int(ids.max()) >= self.vocab_size or int(ids.min()) < 0):
            raise ValueError(f"token ids must lie in 0..{self.vocab_size - 1}, got {int(ids.min())}..{int(ids.max())}. "
                             "Was the model built with vocab_size=len(vocab)?")
        empty = (ids == self.padding_idx).all(dim=1)
        if bool(empty.any()):
            raise ValueError(f"rows {empty.nonzero()[:, 0].tolist()[:5]} hold only padding: every text needs a token.")
        return ids

    def _forward(self, ids: torch.Tensor):
        ids = self._check(ids)
        n, t = ids.shape
        d = self.embedding.embedding_dim
        x = self.embedding(ids)  # (N, T, d)
        if self.position is not None:
            x = x + self.position(torch.arange(t, device=ids.device))[None]  # (1, T, d)
        keep = ids != self.padding_idx  # (N, T): keys that may be attended to
        q, k, v = self.query(x), self.key(x), self.value(x)  # (N, T, d) each
        scores = q @ k.transpose(1, 2) / math.sqrt(d)  # (N, T, T): query i against key j
        scores = scores.masked_fill(~keep[:, None, :], float("-inf"))
        self_weights = torch.softmax(scores, dim=-1)  # (N, T, T), rows sum to 1
        h = x + self_weights @ v  # (N, T, d), residual connection
        pool_scores = (h @ self.pool_query) / math.sqrt(d)  # (N, T)
        pool_scores = pool_scores.masked_fill(~keep, float("-inf"))
        pool_weights = torch.softmax(pool_scores, dim=-1)  # (N, T), sums to 1 over the real tokens
        pooled = (pool_weights[:, :, None] * h).sum(dim=1)  # (N, d)
        return self.head(pooled), self_weights, pool_weights

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        """ids (N, T) -> logits (N, n_classes)."""
        return self._forward(ids)[0]

    @torch.no_grad()
    def attention_weights(self, ids: torch.Tensor) -> dict[str, torch.Tensor]:
        """The weights of one forward pass: "self" (N, T, T), row i = how word i spreads its attention
        over the words (padding gets 0); "pool" (N, T), how much each word counts in the text's vector."""
        _, self_weights, pool_weights = self._forward(ids)
        return {"self": self_weights, "pool": pool_weights}

    @torch.no_grad()
    def queries_keys_values(self, ids: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
        """(x, q, k, v), each (N, T, d): the token vectors (with positions) and their projections,
        for recomputing the self-attention by hand."""
        ids = self._check(ids)
        x = self.embedding(ids)
        if self.position is not None:
            x = x + self.position(torch.arange(ids.shape[1], device=ids.device))[None]
        return x, self.query(x), self.key(x), self.value(x)
