# mistake: Conditions on the decision, not the truth
# why: The rates are computed among people grouped by their decision (the share who repay among those approved, i.e. precision), but TPR and FPR condition on the true outcome.
# hint: TPR is P(approved | repays): which array selects the people you average over, and which one is averaged?
def equalized_odds_difference(y_true, decisions, groups):
    """y_true, decisions (N,) 0/1, groups (N,) -> the larger of the TPR gap and the FPR gap across groups."""
    y_true, decisions, groups = np.asarray(y_true), np.asarray(decisions), np.asarray(groups)
    tpr, fpr = [], []
    for g in np.unique(groups):
        member = groups == g
        tpr.append(np.mean(y_true[member & (decisions == 1)] == 1))  # precision, not TPR
        fpr.append(np.mean(y_true[member & (decisions == 0)] == 1))
    return float(max(max(tpr) - min(tpr), max(fpr) - min(fpr)))
