# mistake: The fairness limit is ignored
# why: The search takes the cut-off with the highest balanced accuracy over all cut-offs; it approves about 57% and leaves a TPR difference near 0.20, twice the limit the bank set.
# hint: Two steps: first keep only the cut-offs whose TPR difference is at most MAX_TPR_GAP, then choose among them.
def choose_operating_point(scores, y_true, groups):
    """The most balanced-accurate cut-off, whatever its TPR difference."""
    scores, y_true, groups = np.asarray(scores, float), np.asarray(y_true), np.asarray(groups)
    candidates = np.unique(scores)
    approve = scores[None, :] >= candidates[:, None]
    repaid = y_true == 1
    tpr = {g: approve[:, (groups == g) & repaid].mean(axis=1) for g in ("A", "B")}
    balanced = (approve[:, repaid].mean(axis=1) + 1 - approve[:, ~repaid].mean(axis=1)) / 2
    difference = np.abs(tpr["A"] - tpr["B"])
    best = int(np.argmax(balanced))
    return {"cutoff": float(candidates[best]), "share_approved": float(approve[best].mean()),
            "balanced_accuracy": float(balanced[best]), "tpr": {g: float(tpr[g][best]) for g in ("A", "B")},
            "tpr_difference": float(difference[best])}
