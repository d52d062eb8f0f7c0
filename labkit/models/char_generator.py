"""CharGenerator: a character-level language model (embedding -> GRU -> linear) that invents names.

Trained on padded id sequences ``<s> c1 .. cn </s> <pad> ..`` (as ``labkit.data.load_names``
gives them), it learns p(next character | characters so far); ``sample`` draws new names.
"""

from __future__ import annotations

import torch
from torch import nn
from torch.nn import functional as F

IGNORE_INDEX = -100  # torch's default ignore_index: positions that do not count in the loss


def sequence_cross_entropy(logits: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    """Mean cross-entropy over all time steps whose target is not ``IGNORE_INDEX``.

    logits (N, T, V), targets (N, T) int64 -> scalar.
    """
    return F.cross_entropy(logits.reshape(-1, logits.shape[-1]), targets.reshape(-1), ignore_index=IGNORE_INDEX)


class CharGenerator(nn.Module):
    """Embedding -> GRU -> Linear over the vocabulary, one prediction per position.

    Args:
        vocab: the character vocabulary: a ``labkit.data.vocab.Vocab`` (ids 0..3 are
            <pad>, <s>, </s>, <unk>) or a string of the allowed characters.
        embedding_dim: size of each character's vector.
        hidden_size: units of the GRU state.
        num_layers: stacked GRU layers.
        dropout: dropout on the GRU outputs.

    Shapes: forward(x (N, T) int64 ids) -> logits (N, T, V) for the character after each position.
    """

    def __init__(self, vocab, embedding_dim: int = 32, hidden_size: int = 128, num_layers: int = 1,
                 dropout: float = 0.0) -> None:
        super().__init__()
        if isinstance(vocab, str):
            from labkit.data.vocab import Vocab

            vocab = Vocab(sorted(set(vocab)), level="char")
        for attribute in ("itos", "pad_id", "start_id", "end_id", "decode"):
            if not hasattr(vocab, attribute):
                raise TypeError(f"vocab must be a labkit Vocab or a string of characters, got {vocab!r}.")
        self.vocab = vocab
        self.vocab_size = len(vocab.itos)
        self.embedding = nn.Embedding(self.vocab_size, embedding_dim, padding_idx=vocab.pad_id)
        self.gru = nn.GRU(embedding_dim, hidden_size, num_layers=num_layers, batch_first=True)
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(hidden_size, self.vocab_size)

    def forward(self, x: torch.Tensor, hidden: torch.Tensor | None = None, return_hidden: bool = False):
        """x (N, T) ids -> logits (N, T, V); with ``return_hidden`` also the GRU state (layers, N, H)."""
        states, hidden = self.gru(self.embedding(x.long()), hidden)  # (N, T, H)
        logits = self.head(self.dropout(states))  # (N, T, V)
        return (logits, hidden) if return_hidden else logits

    def shift(self, ids) -> tuple[torch.Tensor, torch.Tensor]:
        """Training pairs from padded sequences: inputs ids[:, :-1], targets ids[:, 1:].

        ids (N, L) -> inputs (N, L-1), targets (N, L-1) with padding set to ``IGNORE_INDEX``
        so that ``sequence_cross_entropy`` (and ``fit``'s accuracy) skip it.
        """
        ids = torch.as_tensor(ids).long()
        targets = ids[:, 1:].clone()
        targets[targets == self.vocab.pad_id] = IGNORE_INDEX
        return ids[:, :-1], targets

    @torch.no_grad()
    def sample(self, n: int = 10, temperature: float = 1.0, seed: int | None = None, max_length: int = 20,
               prefix: str = "") -> list[str]:
        """Draw ``n`` names, one character at a time, each from softmax(logits / temperature).

        Args:
            n: how many names.
            temperature: < 1 picks likely characters (safer, duller), > 1 more surprising ones.
            seed: seed of the sampling generator (None: not reproducible).
            max_length: stop a name after this many characters.
            prefix: characters every name starts with.

        Returns:
            a list of ``n`` strings.
        """
        if n < 1 or temperature <= 0 or max_length < 1:
            raise ValueError(f"sample needs n >= 1, temperature > 0, max_length >= 1; got {n}, {temperature}, {max_length}.")
        was_training = self.training
        self.eval()
        device = self.head.weight.device
        generator = torch.Generator(device=device)
        generator.manual_seed(seed if seed is not None else int(torch.randint(2**31, ()).item()))
        stoi = getattr(self.vocab, "stoi", {c: i for i, c in enumerate(self.vocab.itos)})
        unknown = [c for c in prefix if c not in stoi]
        if unknown:
            raise ValueError(f"prefix {prefix!r} has characters {unknown} that are not in the vocabulary.")
        start = [self.vocab.start_id] + [stoi[c] for c in prefix]
        ids = torch.tensor([start] * n, device=device)  # (n, 1 + len(prefix))
        logits, hidden = self(ids, return_hidden=True)
        banned = [self.vocab.pad_id, self.vocab.start_id] + [getattr(self.vocab, "unk_id", self.vocab.pad_id)]
        chars: list[list[int]] = [[] for _ in range(n)]
        done = torch.zeros(n, dtype=torch.bool, device=device)
        for _ in range(max_length):
            step = logits[:, -1] / temperature  # (n, V)
            step[:, banned] = float("-inf")
            nxt = torch.multinomial(F.softmax(step, dim=-1), 1, generator=generator)  # (n, 1)
            done |= nxt[:, 0] == self.vocab.end_id
            for row in torch.nonzero(~done).flatten().tolist():
                chars[row].append(int(nxt[row, 0]))
            if bool(done.all()):
                break
            logits, hidden = self(nxt, hidden, return_hidden=True)
        self.train(was_training)
        return [prefix + "".join(self.vocab.itos[i] for i in row) for row in chars]
