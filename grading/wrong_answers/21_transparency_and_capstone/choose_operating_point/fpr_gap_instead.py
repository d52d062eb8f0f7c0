# mistake: Limit applied to the FPR gap instead of the TPR gap
# why: The search keeps the false positive rates (among those who do not repay) within 0.10, but equal opportunity compares the true positive rates (among those who repay), which stay far apart at the cut-off it picks.
# hint: Equal opportunity: the share approved among the people who repay, in each group.
def choose_operating_point(scores, y_true, groups):
    """Limits the FPR difference, reports the TPRs."""
    scores, y_true, groups = np.asarray(scores, float), np.asarray(y_true), np.asarray(groups)
    candidates = np.unique(scores)
    approve = scores[None, :] >= candidates[:, None]
    repaid = y_true == 1
    tpr = {g: approve[:, (groups == g) & repaid].mean(axis=1) for g in ("A", "B")}
    fpr = {g: approve[:, (groups == g) & ~repaid].mean(axis=1) for g in ("A", "B")}
    balanced = (approve[:, repaid].mean(axis=1) + 1 - approve[:, ~repaid].mean(axis=1)) / 2
    best = int(np.argmax(np.where(np.abs(fpr["A"] - fpr["B"]) <= MAX_TPR_GAP, balanced, -np.inf)))
    return {"cutoff": float(candidates[best]), "share_approved": float(approve[best].mean()),
            "balanced_accuracy": float(balanced[best]), "tpr": {g: float(tpr[g][best]) for g in ("A", "B")},
            "tpr_difference": float(abs(tpr["A"][best] - tpr["B"][best]))}
