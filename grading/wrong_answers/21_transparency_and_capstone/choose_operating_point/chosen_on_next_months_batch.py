# mistake: Cut-off chosen on next month's batch
# why: The search uses next month's applications (batch_scores, batch_repaid, batch_groups) instead of the data passed in, so the cut-off is fitted to the batch it should decide, and the numbers reported are not those of the data the function was given.
# hint: Use only the scores, y_true and groups your function receives: the cut-off is fixed on validation data, before the batch it decides.
def choose_operating_point(scores, y_true, groups):
    """Searches on next month's applications, whatever data it is given."""
    scores, y_true, groups = batch_scores, batch_repaid, batch_groups
    candidates = np.unique(scores)
    approve = scores[None, :] >= candidates[:, None]
    repaid = y_true == 1
    tpr = {g: approve[:, (groups == g) & repaid].mean(axis=1) for g in ("A", "B")}
    balanced = (approve[:, repaid].mean(axis=1) + 1 - approve[:, ~repaid].mean(axis=1)) / 2
    difference = np.abs(tpr["A"] - tpr["B"])
    best = int(np.argmax(np.where(difference <= MAX_TPR_GAP, balanced, -np.inf)))
    return {"cutoff": float(candidates[best]), "share_approved": float(approve[best].mean()),
            "balanced_accuracy": float(balanced[best]), "tpr": {g: float(tpr[g][best]) for g in ("A", "B")},
            "tpr_difference": float(difference[best])}
