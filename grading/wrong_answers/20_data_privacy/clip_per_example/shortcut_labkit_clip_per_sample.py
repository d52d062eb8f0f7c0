# mistake: Calls the library's labkit clip_per_sample
# why: The exercise asks for your own clipping with tensor arithmetic; labkit.ethics.privacy.clip_per_sample does it for you, so the check refuses it.
# hint: Compute each row's norm, the factor min(1, C / norm), and multiply the rows by it.
def clip_per_example(grads, max_norm):
    """grads (B, P) -> (B, P): each row scaled to Euclidean norm at most max_norm."""
    from labkit.ethics.privacy import clip_per_sample
    clipped, _ = clip_per_sample({"all": grads}, max_norm)
    return clipped["all"]
