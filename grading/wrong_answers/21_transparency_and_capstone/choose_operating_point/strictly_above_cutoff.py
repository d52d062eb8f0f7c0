# mistake: Approves only scores strictly above the cut-off
# why: The numbers are computed with scores > cutoff while decide approves scores >= cutoff; with a cut-off equal to one applicant's score, that applicant is refused in the reported numbers and approved in the real decisions.
# hint: Compare how decide treats a score exactly equal to the cut-off with how your search treats it.
def choose_operating_point(scores, y_true, groups):
    """Every distinct score as a cut-off, decided with >."""
    scores, y_true, groups = np.asarray(scores, float), np.asarray(y_true), np.asarray(groups)
    candidates = np.unique(scores)
    approve = scores[None, :] > candidates[:, None]
    repaid = y_true == 1
    tpr = {g: approve[:, (groups == g) & repaid].mean(axis=1) for g in ("A", "B")}
    balanced = (approve[:, repaid].mean(axis=1) + 1 - approve[:, ~repaid].mean(axis=1)) / 2
    difference = np.abs(tpr["A"] - tpr["B"])
    best = int(np.argmax(np.where(difference <= MAX_TPR_GAP, balanced, -np.inf)))
    return {"cutoff": float(candidates[best]), "share_approved": float(approve[best].mean()),
            "balanced_accuracy": float(balanced[best]), "tpr": {g: float(tpr[g][best]) for g in ("A", "B")},
            "tpr_difference": float(difference[best])}
