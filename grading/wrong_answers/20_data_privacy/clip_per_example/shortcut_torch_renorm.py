# mistake: Calls the library's torch.renorm
# why: The exercise asks for your own clipping with tensor arithmetic; torch.renorm rescales each row for you, so the check refuses it.
# hint: Compute each row's norm, the factor min(1, C / norm), and multiply the rows by it.
def clip_per_example(grads, max_norm):
    """torch.renorm rescales each sub-tensor along a dimension whose p-norm exceeds maxnorm: per-row clipping in one call."""
    return torch.renorm(grads, p=2, dim=0, maxnorm=max_norm)
