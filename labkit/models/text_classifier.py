"""BagOfEmbeddings: a text classifier that averages the embeddings of a text's tokens."""

from __future__ import annotations

import torch
from torch import nn

from labkit.models.mlp import check_dropout


class BagOfEmbeddings(nn.Module):
    """Mean of the token embeddings (``nn.EmbeddingBag``, padding skipped), then a linear layer.

    Word order is ignored ("a bag of words"), yet this is a strong baseline for
    sentiment and topic classification.

    Args:
        vocab_size: number of token ids (``len(vocab)``).
        embedding_dim: size of each token's vector.
        n_classes: outputs per text.
        padding_idx: the id used for padding (0 in labkit vocabularies); it does not count in the mean.
        dropout: dropout on the averaged vector.

    Shapes: ids (N, T) int64, padded with ``padding_idx`` -> logits (N, n_classes).
    """

    def __init__(self, vocab_size: int, embedding_dim: int = 32, n_classes: int = 2, padding_idx: int = 0,
                 dropout: float = 0.0) -> None:
        super().__init__()
        self.vocab_size = vocab_size
        self.embedding = nn.EmbeddingBag(vocab_size, embedding_dim, mode="mean", padding_idx=padding_idx)
        self.dropout = nn.Dropout(check_dropout(dropout))
        self.head = nn.Linear(embedding_dim, n_classes)

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        """ids (N, T) -> (N, n_classes)."""
        if ids.dim() != 2:
            raise ValueError(f"BagOfEmbeddings expected padded ids (N, T), got shape {tuple(ids.shape)}.")
        ids = ids.long()
        if len(ids) and (int(ids.max()) >= self.vocab_size or int(ids.min()) < 0):
            raise ValueError(
                f"token ids must lie in 0..{self.vocab_size - 1}, got {int(ids.min())}..{int(ids.max())}. "
                "Was the model built with vocab_size=len(vocab)?"
            )
        return self.head(self.dropout(self.embedding(ids)))  # (N, E) -> (N, n_classes)
