# mistake: TPR gap only (equal opportunity)
# why: Only the true-positive-rate gap is returned; equalized odds also requires equal false positive rates and takes the larger gap.
# hint: Your result is right when the TPR gap is the larger one: which second rate does equalized odds compare?
def equalized_odds_difference(y_true, decisions, groups):
    """y_true, decisions (N,) 0/1, groups (N,) -> the larger of the TPR gap and the FPR gap across groups."""
    y_true, decisions, groups = np.asarray(y_true), np.asarray(decisions), np.asarray(groups)
    tpr, fpr = [], []
    for g in np.unique(groups):
        member = groups == g
        tpr.append(np.mean(decisions[member & (y_true == 1)] == 1))
    return float(max(tpr) - min(tpr))
