# mistake: Weights inverted
# why: The weight is P(g, y) / (P(g) P(y)), the reciprocal, so combinations that are already too common count even more.
# hint: Rare combinations (approved members of group B) should weigh more than 1: do they with your weights?
def reweighing_weights(labels, groups):
    """labels (N,) 0/1, groups (N,) -> weights (N,): P(g) P(y) / P(g, y) of each example's (g, y)."""
    labels, groups = np.asarray(labels), np.asarray(groups)
    weights = np.empty(len(labels), dtype=float)
    for g in np.unique(groups):
        for y in np.unique(labels):
            cell = (groups == g) & (labels == y)
            if cell.any():
                weights[cell] = np.mean(cell) / (np.mean(groups == g) * np.mean(labels == y))
    return weights
