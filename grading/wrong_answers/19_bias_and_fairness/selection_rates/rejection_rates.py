# mistake: Rejection rates instead of selection
# why: The fraction of decisions equal to 0 is computed, which is each group's rejection rate; the selection rate counts the decisions equal to 1.
# hint: Group A got 3 yes out of 4: does your function say 0.75 or 0.25?
def selection_rates(decisions, groups):
    """decisions (N,) 0/1, groups (N,) labels -> {group: fraction of that group with decision 1}."""
    decisions = np.asarray(decisions)
    groups = np.asarray(groups)
    return {g.item() if hasattr(g, "item") else g: float(np.mean(decisions[groups == g] == 0)) for g in np.unique(groups)}
