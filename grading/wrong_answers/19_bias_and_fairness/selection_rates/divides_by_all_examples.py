# mistake: Divided by all examples, not the group
# why: Each group's positive count is divided by the total number of examples, so the rates depend on the group's size and a small group looks less favoured.
# hint: The rates of two equal-sized groups should not add up to at most 1 by construction: which size belongs in the denominator?
def selection_rates(decisions, groups):
    """decisions (N,) 0/1, groups (N,) labels -> {group: fraction of that group with decision 1}."""
    decisions = np.asarray(decisions)
    groups = np.asarray(groups)
    return {g.item() if hasattr(g, "item") else g: float(np.sum(decisions[groups == g] == 1) / len(decisions))
            for g in np.unique(groups)}
