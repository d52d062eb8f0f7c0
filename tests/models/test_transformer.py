"""labkit.models.transformer against torch.nn.TransformerEncoderLayer and the formula of Vaswani et al. (2017)."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from torch import nn

from labkit.models.transformer import TransformerBlock, causal_mask, positional_encoding


def _pair(d_model, n_heads, d_ff, norm_first, seed):
    torch.manual_seed(seed)
    layer = nn.TransformerEncoderLayer(d_model, n_heads, dim_feedforward=d_ff, dropout=0.0,
                                       batch_first=True, norm_first=norm_first).eval()
    with torch.no_grad():  # non-trivial norms and biases, so that copying them is tested too
        for p in layer.parameters():
            p.add_(0.1 * torch.randn_like(p))
    block = TransformerBlock(d_model, n_heads, d_ff, norm_first=norm_first).load_from_torch(layer).eval()
    return layer, block


@pytest.mark.parametrize("norm_first", [False, True])
@pytest.mark.parametrize("seed", range(6))
def test_block_matches_torch_encoder_layer(norm_first, seed):
    rng = np.random.default_rng(seed)
    n_heads = int(rng.choice([1, 2, 4]))
    d_model = n_heads * int(rng.integers(2, 9))
    d_ff = int(rng.integers(4, 40))
    n, t = int(rng.integers(1, 4)), int(rng.integers(1, 9))
    layer, block = _pair(d_model, n_heads, d_ff, norm_first, seed)
    x = torch.randn(n, t, d_model)
    with torch.no_grad():
        torch.testing.assert_close(block(x), layer(x), rtol=1e-5, atol=1e-5)
        allowed = causal_mask(t)
        # torch's boolean src_mask says True = NOT allowed, the opposite of ours
        expected = layer(x, src_mask=~allowed)
        torch.testing.assert_close(block(x, mask=allowed), expected, rtol=1e-5, atol=1e-5)
        torch.testing.assert_close(block(x, mask=allowed),
                                   layer(x, src_mask=nn.Transformer.generate_square_subsequent_mask(t), is_causal=True),
                                   rtol=1e-5, atol=1e-5)
        torch.testing.assert_close(block(x, mask=allowed.expand(n, t, t)), expected, rtol=1e-5, atol=1e-5)


def test_attention_weights_are_causal_and_rows_sum_to_one():
    torch.manual_seed(0)
    block = TransformerBlock(8, n_heads=2, d_ff=16).eval()
    _, weights = block.attention(torch.randn(3, 5, 8), causal_mask(5))
    assert weights.shape == (3, 2, 5, 5)
    assert torch.all(weights[..., ~causal_mask(5)] == 0)
    torch.testing.assert_close(weights.sum(-1), torch.ones(3, 2, 5))


def test_causal_block_ignores_later_tokens_and_plain_block_is_permutation_equivariant():
    torch.manual_seed(1)
    block = TransformerBlock(8, n_heads=2, d_ff=16).eval()
    x = torch.randn(1, 6, 8)
    y = x.clone()
    y[0, 4] += 3.0
    with torch.no_grad():
        assert torch.equal(block(x, causal_mask(6))[0, :4], block(y, causal_mask(6))[0, :4])
        assert not torch.allclose(block(x)[0, :4], block(y)[0, :4])
        perm = torch.randperm(6)
        torch.testing.assert_close(block(x[:, perm]), block(x)[:, perm], rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("n_positions, d_model", [(1, 1), (7, 2), (50, 16), (9, 5), (100, 64)])
def test_positional_encoding_is_the_formula(n_positions, d_model):
    pe = positional_encoding(n_positions, d_model, dtype=torch.float64).numpy()
    assert pe.shape == (n_positions, d_model)
    for pos in range(n_positions):
        for j in range(d_model):
            i = j // 2
            angle = pos / 10000 ** (2 * i / d_model)
            assert pe[pos, j] == pytest.approx(math.sin(angle) if j % 2 == 0 else math.cos(angle), abs=1e-12)


def test_positional_encoding_dot_products_depend_on_the_offset_only():
    pe = positional_encoding(64, 32, dtype=torch.float64)
    gram = pe @ pe.T
    for k in range(5):
        assert torch.allclose(torch.diagonal(gram, k), gram[0, k].expand(64 - k), atol=1e-10)
    assert pe.dtype == torch.float64 and positional_encoding(3, 4).dtype == torch.float32


def test_causal_mask():
    assert causal_mask(3).tolist() == [[True, False, False], [True, True, False], [True, True, True]]
    assert causal_mask(4).dtype == torch.bool


@pytest.mark.parametrize("call, word", [
    (lambda: positional_encoding(0, 4), "n_positions"),
    (lambda: positional_encoding(4, 2.5), "d_model"),
    (lambda: causal_mask(-1), "n"),
    (lambda: TransformerBlock(6, n_heads=4), "n_heads"),
    (lambda: TransformerBlock(8, n_heads=2)(torch.randn(5, 8)), "x"),
    (lambda: TransformerBlock(8, n_heads=2)(torch.randn(1, 5, 6)), "(N, T, 8)"),
    (lambda: TransformerBlock(8, n_heads=2)(torch.randn(1, 5, 8), causal_mask(4)), "mask"),
    (lambda: TransformerBlock(8, n_heads=2)(torch.randn(1, 5, 8), causal_mask(5).float()), "mask"),
    (lambda: TransformerBlock(8, n_heads=2)(torch.randn(1, 3, 8), torch.zeros(3, 3, dtype=torch.bool)), "mask"),
    (lambda: TransformerBlock(8, n_heads=2, dropout=1.5), "dropout"),
])
def test_bad_arguments_are_named(call, word):
    with pytest.raises(ValueError, match=word.replace("(", r"\(").replace(")", r"\)")):
        call()
