# mistake: Whole batch clipped as one vector
# why: One norm is computed over the whole batch and every row scaled by the same factor, so each example's own gradient is not bounded on its own.
# hint: Per-example clipping bounds every row separately: over which axis should each norm be taken?
def clip_per_example(grads, max_norm):
    """grads (B, P) -> (B, P): each row scaled to Euclidean norm at most max_norm."""
    norm = torch.sqrt((grads ** 2).sum())
    return grads * min(1.0, max_norm / max(float(norm), 1e-12))
