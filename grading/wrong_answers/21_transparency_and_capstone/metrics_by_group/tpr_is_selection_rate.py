# mistake: TPR computed as the selection rate
# why: The 'tpr' is the share of all the group's members who were approved, the selection rate; the TPR counts approvals among the members who would repay only.
# hint: Your TPR equals your selection rate: which members should the TPR average over?
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
            "accuracy": float(np.mean(decided == truth)),
            "tpr": float(np.mean(decided == 1)),
            "fpr": float(np.mean(decided[truth == 0] == 1)),
        }
    return table
