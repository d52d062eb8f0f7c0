def clip_per_example(grads, max_norm):
    """grads (B, P) -> (B, P): each row scaled to Euclidean norm at most max_norm."""
    norms = torch.linalg.vector_norm(grads, dim=1, keepdim=True)  # (B, 1)
    return grads * torch.minimum(torch.ones_like(norms), max_norm / (norms + 1e-12))
