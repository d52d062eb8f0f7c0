# mistake: FPR computed as the miss rate
# why: The 'fpr' is the share of repayers who were not approved (1 - TPR), but the false positive rate is the share of non-repayers who were approved.
# hint: FPR conditions on the people who would NOT repay: which members does your fpr average over, and which decision does it count?
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
            "tpr": float(np.mean(decided[truth == 1] == 1)),
            "fpr": float(np.mean(decided[truth == 1] == 0)),
        }
    return table
