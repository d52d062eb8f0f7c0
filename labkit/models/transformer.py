"""The pieces of a Transformer (Vaswani et al., 2017) that lesson 13 takes apart.

    pe = positional_encoding(16, 32)          # (16, 32): sin on even columns, cos on odd ones
    allowed = causal_mask(16)                 # (16, 16) bool, True where query t may look at key s <= t
    block = TransformerBlock(32, n_heads=4, d_ff=64)
    y = block(x + pe, mask=allowed)           # x (N, 16, 32) -> y (N, 16, 32)

Masks follow the lesson and ``torch.nn.functional.scaled_dot_product_attention``: boolean,
``True`` where attention is **allowed**. (``torch.nn.TransformerEncoderLayer`` takes the opposite
convention for a boolean ``src_mask``: ``True`` there means "not allowed".)

The block is written out so each step can be read; ``tests/models/test_transformer.py`` checks it
against ``torch.nn.TransformerEncoderLayer`` with the same weights, post-norm (the paper) and
pre-norm (most later models).
"""

from __future__ import annotations

import math

import torch
from torch import nn

from labkit.models.mlp import check_dropout


def _positive_int(name: str, value) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{name} must be a positive integer, got {value!r}.")
    return value


def positional_encoding(n_positions: int, d_model: int, base: float = 10000.0, *,
                        device: torch.device | str | None = None, dtype: torch.dtype = torch.float32) -> torch.Tensor:
    """The sinusoidal position table of Vaswani et al. (2017), section 3.5.

    PE[pos, 2i] = sin(pos / base^(2i / d_model)) and PE[pos, 2i + 1] = cos(pos / base^(2i / d_model)).

    Args:
        n_positions: number of positions (rows), pos = 0 .. n_positions - 1.
        d_model: size of each position vector (columns); an odd size drops the last cosine.
        base: the 10000 of the formula.
        device, dtype: where and how the table is made.

    Returns:
        (n_positions, d_model) tensor.
    """
    _positive_int("n_positions", n_positions)
    _positive_int("d_model", d_model)
    if not base > 1:
        raise ValueError(f"base must be larger than 1, got {base!r}.")
    pos = torch.arange(n_positions, dtype=torch.float64, device=device)[:, None]  # (P, 1)
    two_i = torch.arange(0, d_model, 2, dtype=torch.float64, device=device)  # (ceil(d/2),): 0, 2, 4, ...
    angle = pos / base ** (two_i / d_model)  # (P, ceil(d/2))
    pe = torch.zeros(n_positions, d_model, dtype=torch.float64, device=device)
    pe[:, 0::2] = torch.sin(angle)
    pe[:, 1::2] = torch.cos(angle[:, : d_model // 2])
    return pe.to(dtype)


def causal_mask(n: int, *, device: torch.device | str | None = None) -> torch.Tensor:
    """(n, n) boolean mask, True on and below the diagonal: position t may attend to positions 0..t only."""
    _positive_int("n", n)
    return torch.ones(n, n, dtype=torch.bool, device=device).tril()


class TransformerBlock(nn.Module):
    """Multi-head self-attention + residual + LayerNorm, then feed-forward + residual + LayerNorm.

    Post-norm (``norm_first=False``, the paper): ``x = norm1(x + attention(x)); x = norm2(x + ff(x))``.
    Pre-norm (``norm_first=True``, GPT-2 and most later models): ``x = x + attention(norm1(x));
    x = x + ff(norm2(x))``.

    Args:
        d_model: size d of each token vector (input and output).
        n_heads: attention heads; each works on d / n_heads dimensions, so d must divide evenly.
        d_ff: hidden size of the position-wise feed-forward network (the paper: 4 d).
        dropout: dropout on the attention weights and after each sub-layer (0 = none).
        norm_first: pre-norm instead of the paper's post-norm.
        eps: LayerNorm's epsilon.

    Shapes: x (N, T, d_model), mask None or bool (T, T) or (N, T, T), True = allowed -> (N, T, d_model).
    """

    def __init__(self, d_model: int, n_heads: int = 1, d_ff: int | None = None, dropout: float = 0.0,
                 norm_first: bool = False, eps: float = 1e-5) -> None:
        super().__init__()
        d_ff = 4 * d_model if d_ff is None else d_ff
        for name, value in (("d_model", d_model), ("n_heads", n_heads), ("d_ff", d_ff)):
            _positive_int(name, value)
        if d_model % n_heads:
            raise ValueError(f"d_model={d_model} must be a multiple of n_heads={n_heads}: "
                             "each head takes d_model / n_heads dimensions.")
        self.d_model, self.n_heads, self.d_ff, self.norm_first = d_model, n_heads, d_ff, norm_first
        self.query = nn.Linear(d_model, d_model)
        self.key = nn.Linear(d_model, d_model)
        self.value = nn.Linear(d_model, d_model)
        self.out = nn.Linear(d_model, d_model)  # mixes the heads back together
        self.norm1 = nn.LayerNorm(d_model, eps=eps)
        self.linear1 = nn.Linear(d_model, d_ff)
        self.linear2 = nn.Linear(d_ff, d_model)
        self.norm2 = nn.LayerNorm(d_model, eps=eps)
        self.dropout = nn.Dropout(check_dropout(dropout))

    def _check(self, x: torch.Tensor, mask: torch.Tensor | None) -> None:
        if not isinstance(x, torch.Tensor) or x.dim() != 3 or x.shape[-1] != self.d_model:
            shape = tuple(x.shape) if isinstance(x, torch.Tensor) else type(x).__name__
            raise ValueError(f"TransformerBlock(d_model={self.d_model}) expected x of shape (N, T, {self.d_model}), "
                             f"got {shape}. A single sequence (T, d) needs x[None].")
        if mask is not None:
            t = x.shape[1]
            if not isinstance(mask, torch.Tensor) or mask.dtype != torch.bool:
                raise ValueError(f"mask must be a boolean tensor (True = allowed), got "
                                 f"{getattr(mask, 'dtype', type(mask).__name__)}.")
            if mask.shape not in {(t, t), (x.shape[0], t, t)}:
                raise ValueError(f"mask must have shape ({t}, {t}) or ({x.shape[0]}, {t}, {t}) for x of shape "
                                 f"{tuple(x.shape)}, got {tuple(mask.shape)}.")
            if not bool(mask.any(dim=-1).all()):
                raise ValueError("mask has a row with no allowed key: every query must be allowed one key "
                                 "(causal_mask allows the diagonal).")

    def attention(self, x: torch.Tensor, mask: torch.Tensor | None = None) -> tuple[torch.Tensor, torch.Tensor]:
        """Multi-head self-attention of x (N, T, d) -> (output (N, T, d), weights (N, heads, T, T))."""
        self._check(x, mask)
        n, t, d = x.shape
        h = self.n_heads
        split = lambda a: a.reshape(n, t, h, d // h).transpose(1, 2)  # (N, T, d) -> (N, h, T, d/h)
        q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))
        scores = q @ k.transpose(-1, -2) / math.sqrt(d // h)  # (N, h, T, T)
        if mask is not None:
            allowed = mask[None, None] if mask.dim() == 2 else mask[:, None]  # broadcast over N or heads
            scores = scores.masked_fill(~allowed, float("-inf"))  # before the softmax
        weights = torch.softmax(scores, dim=-1)  # (N, h, T, T), rows sum to 1
        heads = self.dropout(weights) @ v  # (N, h, T, d/h)
        return self.out(heads.transpose(1, 2).reshape(n, t, d)), weights  # (N, T, d)

    def feed_forward(self, x: torch.Tensor) -> torch.Tensor:
        """The same two-layer ReLU network at every position: (N, T, d) -> (N, T, d)."""
        return self.linear2(self.dropout(torch.relu(self.linear1(x))))

    def forward(self, x: torch.Tensor, mask: torch.Tensor | None = None) -> torch.Tensor:
        """x (N, T, d), mask None or bool (T, T) / (N, T, T), True = allowed -> (N, T, d)."""
        if self.norm_first:
            x = x + self.dropout(self.attention(self.norm1(x), mask)[0])
            return x + self.dropout(self.feed_forward(self.norm2(x)))
        x = self.norm1(x + self.dropout(self.attention(x, mask)[0]))  # the paper: LayerNorm(x + Sublayer(x))
        return self.norm2(x + self.dropout(self.feed_forward(x)))

    @torch.no_grad()
    def load_from_torch(self, layer: nn.TransformerEncoderLayer) -> "TransformerBlock":
        """Copy the weights of a ``torch.nn.TransformerEncoderLayer`` of the same sizes (ReLU activation); returns self."""
        if layer.self_attn.embed_dim != self.d_model or layer.self_attn.num_heads != self.n_heads \
                or layer.linear1.out_features != self.d_ff:
            raise ValueError(f"layer has d_model={layer.self_attn.embed_dim}, nhead={layer.self_attn.num_heads}, "
                             f"dim_feedforward={layer.linear1.out_features}; this block has d_model={self.d_model}, "
                             f"n_heads={self.n_heads}, d_ff={self.d_ff}.")
        wq, wk, wv = layer.self_attn.in_proj_weight.chunk(3)
        bq, bk, bv = layer.self_attn.in_proj_bias.chunk(3)
        for mine, w, b in ((self.query, wq, bq), (self.key, wk, bk), (self.value, wv, bv),
                           (self.out, layer.self_attn.out_proj.weight, layer.self_attn.out_proj.bias),
                           (self.linear1, layer.linear1.weight, layer.linear1.bias),
                           (self.linear2, layer.linear2.weight, layer.linear2.bias),
                           (self.norm1, layer.norm1.weight, layer.norm1.bias),
                           (self.norm2, layer.norm2.weight, layer.norm2.bias)):
            mine.weight.copy_(w)
            mine.bias.copy_(b)
        self.norm1.eps, self.norm2.eps = layer.norm1.eps, layer.norm2.eps
        return self
