# mistake: Norm taken over the batch axis
# why: The norm is summed over dim 0, giving one norm per column (parameter) instead of one per row (example).
# hint: Check the shape of your norms: (B, 1) or (1, P)? Each example is a row.
def clip_per_example(grads, max_norm):
    """grads (B, P) -> (B, P): each row scaled to Euclidean norm at most max_norm."""
    norms = torch.sqrt((grads ** 2).sum(dim=0, keepdim=True))         # (1, P): one norm per column
    factor = torch.clamp(max_norm / torch.clamp(norms, min=1e-12), max=1.0)
    return grads * factor
