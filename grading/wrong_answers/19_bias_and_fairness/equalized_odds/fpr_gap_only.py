# mistake: TPR computed among non-repayers
# why: The 'TPR' selects the members with y_true == 0, the same people as the FPR, so both lists hold FPRs and only the FPR gap is measured.
# hint: Compare the two selections in your loop: the TPR is computed among those who repay.
def equalized_odds_difference(y_true, decisions, groups):
    """The 'TPR' is computed among the people who do NOT repay (y_true == 0), so both lists hold FPRs: only the FPR gap."""
    y_true, decisions, groups = np.asarray(y_true), np.asarray(decisions), np.asarray(groups)
    tpr, fpr = [], []
    for g in np.unique(groups):
        member = groups == g
        tpr.append(np.mean(decisions[member & (y_true == 0)] == 1))
        fpr.append(np.mean(decisions[member & (y_true == 0)] == 1))
    return float(max(max(tpr) - min(tpr), max(fpr) - min(fpr)))
