"""labkit.models.attention.AttentionClassifier against PyTorch's scaled_dot_product_attention."""

from __future__ import annotations

import math

import pytest
import torch
import torch.nn.functional as F

from labkit.models.attention import AttentionClassifier


def _ids():
    return torch.tensor([[5, 6, 7, 8, 0, 0], [9, 4, 0, 0, 0, 0], [3, 3, 3, 3, 3, 3]])


def test_self_attention_matches_torch_sdpa_and_ignores_padding():
    torch.manual_seed(0)
    model = AttentionClassifier(12, embedding_dim=8, n_classes=3, max_len=6)
    ids = _ids()
    x, q, k, v = model.queries_keys_values(ids)
    keep = ids != 0
    reference = F.scaled_dot_product_attention(q, k, v, attn_mask=keep[:, None, :])
    weights = model.attention_weights(ids)
    torch.testing.assert_close(weights["self"] @ v, reference, rtol=1e-5, atol=1e-6)
    torch.testing.assert_close(weights["self"].sum(-1), torch.ones(3, 6))
    assert torch.all(weights["self"][~keep[:, None, :].expand(-1, 6, -1)] == 0)
    assert torch.all(weights["pool"][~keep] == 0)
    torch.testing.assert_close(weights["pool"].sum(-1), torch.ones(3))


def test_forward_is_attention_pooling_of_the_residual_stream():
    torch.manual_seed(1)
    model = AttentionClassifier(12, embedding_dim=8, n_classes=2, max_len=6)
    ids = _ids()
    x, q, k, v = model.queries_keys_values(ids)
    keep = ids != 0
    h = x + F.scaled_dot_product_attention(q, k, v, attn_mask=keep[:, None, :])
    scores = (h @ model.pool_query / math.sqrt(8)).masked_fill(~keep, -math.inf)
    pooled = (torch.softmax(scores, -1)[:, :, None] * h).sum(1)
    with torch.no_grad():
        torch.testing.assert_close(model(ids), model.head(pooled), rtol=1e-5, atol=1e-6)


def test_without_positions_word_order_is_invisible():
    torch.manual_seed(2)
    plain = AttentionClassifier(12, embedding_dim=8, positions=False, max_len=6)
    ordered = AttentionClassifier(12, embedding_dim=8, positions=True, max_len=6)
    a, b = torch.tensor([[5, 6, 7, 0]]), torch.tensor([[7, 5, 6, 0]])
    with torch.no_grad():
        torch.testing.assert_close(plain(a), plain(b))
        assert not torch.allclose(ordered(a), ordered(b))


def test_it_learns_a_keyword_task():
    torch.manual_seed(3)
    g = torch.Generator().manual_seed(3)
    ids = torch.randint(3, 20, (256, 8), generator=g)
    y = (ids == 7).any(dim=1).long()
    model = AttentionClassifier(20, embedding_dim=16, max_len=8)
    opt = torch.optim.Adam(model.parameters(), lr=0.02)
    for _ in range(150):
        opt.zero_grad()
        F.cross_entropy(model(ids), y).backward()
        opt.step()
    with torch.no_grad():
        assert (model(ids).argmax(1) == y).float().mean() > 0.95


def test_bad_input_is_explained():
    model = AttentionClassifier(10, embedding_dim=4, max_len=5)
    with pytest.raises(ValueError, match=r"\(N, T\)"):
        model(torch.tensor([1, 2, 3]))
    with pytest.raises(ValueError, match="max_len=5"):
        model(torch.ones(1, 6, dtype=torch.long))
    with pytest.raises(ValueError, match="0..9"):
        model(torch.tensor([[4, 12]]))
    with pytest.raises(ValueError, match="only padding"):
        model(torch.tensor([[4, 5], [0, 0]]))
    with pytest.raises(ValueError, match="positive integers"):
        AttentionClassifier(0)
