# mistake: Overall accuracy given to every group
# why: The accuracy is computed over all N examples instead of the group's members, so every group gets the same overall number.
# hint: Your accuracy is equal for every group: which arrays does it compare, the group's or everyone's?
def metrics_by_group(y_true, decisions, groups):
    """y_true, decisions (N,) 0/1, groups (N,) -> {group: {count, selection_rate, accuracy, tpr, fpr}}."""
    y_true, decisions, groups = np.asarray(y_true), np.asarray(decisions), np.asarray(groups)
    table = {}
    for g in np.unique(groups):
        member = groups == g
        truth, decided = y_true[member], decisions[member]
        table[g.item() if hasattr(g, "item") else g] = {
            "count": int(member.sum()),
            "selection_rate": float(np.mean(decided == 1)),
            "accuracy": float(np.mean(decisions == y_true)),
            "tpr": float(np.mean(decided[truth == 1] == 1)),
            "fpr": float(np.mean(decided[truth == 0] == 1)),
        }
    return table
