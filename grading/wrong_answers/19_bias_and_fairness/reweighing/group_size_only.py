# mistake: Weight from the group size only
# why: The weight is 1 / P(g), which ignores the label, so a group's labels stay as unbalanced as before.
# hint: Examples of one group with different labels get the same weight from you: which probabilities in the formula involve the label?
def reweighing_weights(labels, groups):
    """labels (N,) 0/1, groups (N,) -> weights (N,): P(g) P(y) / P(g, y) of each example's (g, y)."""
    labels, groups = np.asarray(labels), np.asarray(groups)
    weights = np.empty(len(labels), dtype=float)
    for g in np.unique(groups):
        for y in np.unique(labels):
            cell = (groups == g) & (labels == y)
            if cell.any():
                weights[cell] = 1.0 / np.mean(groups == g)
    return weights
