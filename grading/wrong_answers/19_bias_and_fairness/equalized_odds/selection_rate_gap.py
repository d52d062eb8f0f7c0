# mistake: Selection-rate gap (demographic parity)
# why: Each group's rate is taken over all its members without looking at y_true, so the result is the demographic-parity difference, not equalized odds.
# hint: Where does your code use y_true? TPR and FPR are rates among those who do and do not repay.
def equalized_odds_difference(y_true, decisions, groups):
    """y_true, decisions (N,) 0/1, groups (N,) -> the larger of the TPR gap and the FPR gap across groups."""
    y_true, decisions, groups = np.asarray(y_true), np.asarray(decisions), np.asarray(groups)
    tpr, fpr = [], []
    for g in np.unique(groups):
        member = groups == g
        tpr.append(np.mean(decisions[member] == 1))
    return float(max(tpr) - min(tpr))
