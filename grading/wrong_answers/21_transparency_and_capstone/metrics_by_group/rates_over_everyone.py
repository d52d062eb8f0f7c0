# mistake: Selection rate divided by all examples
# why: Each group's approvals are divided by the total number of examples, not by the group's size, so the selection rates depend on how big each group is.
# hint: Rates in the table are computed within the group: what should the denominator of the selection rate be?
def metrics_by_group(y_true, decisions, groups):
    """y_true, decisions (N,) 0/1, groups (N,) -> {group: {count, selection_rate, accuracy, tpr, fpr}}."""
    y_true, decisions, groups = np.asarray(y_true), np.asarray(decisions), np.asarray(groups)
    table = {}
    for g in np.unique(groups):
        member = groups == g
        truth, decided = y_true[member], decisions[member]
        table[g.item() if hasattr(g, "item") else g] = {
            "count": int(member.sum()),
            "selection_rate": float(np.sum(decided == 1) / len(decisions)),
            "accuracy": float(np.mean(decided == truth)),
            "tpr": float(np.mean(decided[truth == 1] == 1)),
            "fpr": float(np.mean(decided[truth == 0] == 1)),
        }
    return table
