# mistake: Every row scaled to norm C
# why: Every row is scaled by C over its norm, so rows shorter than C are stretched up to C instead of being left unchanged.
# hint: What should happen to a row whose norm is already below C? The factor is capped at 1.
def clip_per_example(grads, max_norm):
    """grads (B, P) -> (B, P): each row scaled to Euclidean norm at most max_norm."""
    norms = torch.sqrt((grads ** 2).sum(dim=1, keepdim=True))
    return grads * max_norm / torch.clamp(norms, min=1e-12)
