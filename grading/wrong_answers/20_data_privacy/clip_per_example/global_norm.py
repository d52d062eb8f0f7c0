def clip_per_example(grads, max_norm):
    """grads (B, P) -> (B, P): each row scaled to Euclidean norm at most max_norm."""
    norm = torch.sqrt((grads ** 2).sum())
    return grads * min(1.0, max_norm / max(float(norm), 1e-12))
