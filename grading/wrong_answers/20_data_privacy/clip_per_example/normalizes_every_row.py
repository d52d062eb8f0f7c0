def clip_per_example(grads, max_norm):
    """grads (B, P) -> (B, P): each row scaled to Euclidean norm at most max_norm."""
    norms = torch.sqrt((grads ** 2).sum(dim=1, keepdim=True))
    return grads * max_norm / torch.clamp(norms, min=1e-12)
