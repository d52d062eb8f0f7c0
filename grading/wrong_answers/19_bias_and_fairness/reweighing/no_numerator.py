# mistake: Numerator P(g) P(y) missing
# why: The weight is 1 / P(g, y) without the numerator, so every weight is scaled by a different P(g) P(y) and the groups do not come out independent of the label.
# hint: Compare your expression with the formula term by term: what is on top?
def reweighing_weights(labels, groups):
    """labels (N,) 0/1, groups (N,) -> weights (N,): P(g) P(y) / P(g, y) of each example's (g, y)."""
    labels, groups = np.asarray(labels), np.asarray(groups)
    weights = np.empty(len(labels), dtype=float)
    for g in np.unique(groups):
        for y in np.unique(labels):
            cell = (groups == g) & (labels == y)
            if cell.any():
                weights[cell] = 1.0 / np.mean(cell)
    return weights
