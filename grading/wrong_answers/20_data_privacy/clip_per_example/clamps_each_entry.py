def clip_per_example(grads, max_norm):
    """grads (B, P) -> (B, P): each row scaled to Euclidean norm at most max_norm."""
    return torch.clamp(grads, -max_norm, max_norm)
