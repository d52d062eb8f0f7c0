# mistake: Plain accuracy maximized instead of balanced accuracy
# why: Within the limit, the search keeps the cut-off with the highest plain accuracy; since most applicants repay, that approves nearly everyone (about 95%), refusing almost no one who defaults, and its balanced accuracy is far below the best within the limit.
# hint: Which number was the bank asked to maximize? Plain accuracy rewards approving everybody when most repay.
def choose_operating_point(scores, y_true, groups):
    """Most accurate cut-off within the limit, reports its balanced accuracy."""
    scores, y_true, groups = np.asarray(scores, float), np.asarray(y_true), np.asarray(groups)
    candidates = np.unique(scores)
    approve = scores[None, :] >= candidates[:, None]
    repaid = y_true == 1
    tpr = {g: approve[:, (groups == g) & repaid].mean(axis=1) for g in ("A", "B")}
    balanced = (approve[:, repaid].mean(axis=1) + 1 - approve[:, ~repaid].mean(axis=1)) / 2
    accuracy = (approve == repaid[None, :]).mean(axis=1)
    difference = np.abs(tpr["A"] - tpr["B"])
    best = int(np.argmax(np.where(difference <= MAX_TPR_GAP, accuracy, -np.inf)))
    return {"cutoff": float(candidates[best]), "share_approved": float(approve[best].mean()),
            "balanced_accuracy": float(balanced[best]), "tpr": {g: float(tpr[g][best]) for g in ("A", "B")},
            "tpr_difference": float(difference[best])}
