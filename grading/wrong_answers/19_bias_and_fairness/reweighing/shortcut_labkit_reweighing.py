import labkit.ethics as ethics


def reweighing_weights(labels, groups):
    """labels (N,) 0/1, groups (N,) -> weights (N,): P(g) P(y) / P(g, y) of each example's (g, y)."""
    return ethics.fairness.reweighing_weights(np.asarray(labels), groups=np.asarray(groups))
