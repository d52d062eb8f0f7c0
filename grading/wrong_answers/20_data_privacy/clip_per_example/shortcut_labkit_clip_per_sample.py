def clip_per_example(grads, max_norm):
    """grads (B, P) -> (B, P): each row scaled to Euclidean norm at most max_norm."""
    from labkit.ethics.privacy import clip_per_sample
    clipped, _ = clip_per_sample({"all": grads}, max_norm)
    return clipped["all"]
