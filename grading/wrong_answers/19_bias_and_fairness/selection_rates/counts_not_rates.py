# mistake: Counts instead of rates
# why: Each group's number of positive decisions is returned, not the fraction of the group that got one, so larger groups look more favoured.
# hint: Your values are whole numbers above 1: what should you divide each count by?
def selection_rates(decisions, groups):
    """decisions (N,) 0/1, groups (N,) labels -> {group: fraction of that group with decision 1}."""
    decisions = np.asarray(decisions)
    groups = np.asarray(groups)
    return {g.item() if hasattr(g, "item") else g: int(np.sum(decisions[groups == g] == 1)) for g in np.unique(groups)}
