# mistake: Clamps each entry instead of the norm
# why: Each entry is clamped to [-C, C], which changes the direction of the gradient and does not bound its norm; clipping scales the whole row.
# hint: Compute the norm of a clipped row, e.g. [0, 10] with C = 1: is it at most C, and is the direction kept?
def clip_per_example(grads, max_norm):
    """grads (B, P) -> (B, P): each row scaled to Euclidean norm at most max_norm."""
    return torch.clamp(grads, -max_norm, max_norm)
