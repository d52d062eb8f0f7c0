def selection_rates(decisions, groups):
    """decisions (N,) 0/1, groups (N,) labels -> {group: fraction of that group with decision 1}."""
    decisions = np.asarray(decisions)
    groups = np.asarray(groups)
    return {g.item() if hasattr(g, "item") else g: int(np.sum(decisions[groups == g] == 1)) for g in np.unique(groups)}
