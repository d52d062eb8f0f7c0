def choose_operating_point(scores, y_true, groups):
    """Sort once, highest score first; cumulative counts give every cut-off's rates without a (C, N) table."""
    scores, y_true, groups = np.asarray(scores, float), np.asarray(y_true), np.asarray(groups)
    order = np.argsort(-scores, kind="stable")
    s, repaid, g = scores[order], y_true[order] == 1, groups[order]
    last = np.r_[s[1:] != s[:-1], True]          # the last of each run of equal scores: approving down to it
    approved = np.arange(1, len(s) + 1)[last]    # how many are approved at each distinct cut-off
    tp = np.cumsum(repaid)[last]
    fp = np.cumsum(~repaid)[last]
    tpr_a = np.cumsum(repaid & (g == "A"))[last] / np.sum(repaid & (g == "A"))
    tpr_b = np.cumsum(repaid & (g == "B"))[last] / np.sum(repaid & (g == "B"))
    balanced = (tp / repaid.sum() + 1 - fp / (~repaid).sum()) / 2
    difference = np.abs(tpr_a - tpr_b)
    best = None
    for i in range(len(approved)):
        if difference[i] <= MAX_TPR_GAP and (best is None or balanced[i] > balanced[best]):
            best = i
    return {"cutoff": float(s[last][best]), "share_approved": float(approved[best] / len(s)),
            "balanced_accuracy": float(balanced[best]), "tpr": {"A": float(tpr_a[best]), "B": float(tpr_b[best])},
            "tpr_difference": float(difference[best])}
