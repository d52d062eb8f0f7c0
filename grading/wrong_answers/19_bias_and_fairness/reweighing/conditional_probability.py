# mistake: P(y | g) used as the weight
# why: Each example gets the share of its label within its group, P(y | g), which makes common combinations weigh more, not the independence ratio P(g) P(y) / P(g, y).
# hint: Check the weighted positive rate of each group with your weights: are they equal? Compare your expression with the formula.
def reweighing_weights(labels, groups):
    """labels (N,) 0/1, groups (N,) -> weights (N,): P(g) P(y) / P(g, y) of each example's (g, y)."""
    labels, groups = np.asarray(labels), np.asarray(groups)
    weights = np.empty(len(labels), dtype=float)
    for g in np.unique(groups):
        for y in np.unique(labels):
            cell = (groups == g) & (labels == y)
            if cell.any():
                weights[cell] = np.mean(labels[groups == g] == y)
    return weights
