# mistake: Cut-off and numbers that do not match
# why: The numbers are measured at the share approved chosen on a grid, but the cut-off returned is np.quantile(scores, share) instead of the score the top share reach (the 1 - share quantile), so the reported numbers are not those of the cut-off that will decide.
# hint: Recompute every number from the cut-off you return: does approving scores at or above it approve the share you report?
def choose_operating_point(scores, y_true, groups):
    """Chooses a share approved on a 0.01 grid and returns the wrong quantile as its cut-off."""
    scores, y_true, groups = np.asarray(scores, float), np.asarray(y_true), np.asarray(groups)
    repaid = y_true == 1
    best = None
    for share in np.arange(0.01, 1.0001, 0.01):
        approve = scores >= np.quantile(scores, 1 - share)
        tpr = {g: float(approve[(groups == g) & repaid].mean()) for g in ("A", "B")}
        balanced = float((approve[repaid].mean() + 1 - approve[~repaid].mean()) / 2)
        if abs(tpr["A"] - tpr["B"]) <= MAX_TPR_GAP and (best is None or balanced > best["balanced_accuracy"]):
            best = {"cutoff": float(np.quantile(scores, share)), "share_approved": float(approve.mean()),
                    "balanced_accuracy": balanced, "tpr": tpr, "tpr_difference": abs(tpr["A"] - tpr["B"])}
    return best
