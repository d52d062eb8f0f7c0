# mistake: Mean of the two gaps
# why: The TPR gap and the FPR gap are averaged, but the equalized-odds difference is the larger of the two.
# hint: Reread the last sentence of the exercise: how are the two gaps combined?
def equalized_odds_difference(y_true, decisions, groups):
    """y_true, decisions (N,) 0/1, groups (N,) -> the larger of the TPR gap and the FPR gap across groups."""
    y_true, decisions, groups = np.asarray(y_true), np.asarray(decisions), np.asarray(groups)
    tpr, fpr = [], []
    for g in np.unique(groups):
        member = groups == g
        tpr.append(np.mean(decisions[member & (y_true == 1)] == 1))
        fpr.append(np.mean(decisions[member & (y_true == 0)] == 1))
    return float(((max(tpr) - min(tpr)) + (max(fpr) - min(fpr))) / 2)
