def choose_thresholds(score, y_true, groups):
    """A plain double loop over a 0.02 grid; among the pairs that meet the constraints, the one that approves the most repayers."""
    score, y_true, groups = np.asarray(score, float), np.asarray(y_true), np.asarray(groups)
    baseline = np.mean((score >= 0.5) == (y_true == 1))
    best = None
    for t_a in np.arange(0, 1.0001, 0.02):
        for t_b in np.arange(0, 1.0001, 0.02):
            decision = np.where(groups == "A", score >= t_a, score >= t_b)
            tpr = {g: decision[(groups == g) & (y_true == 1)].mean() for g in ("A", "B")}
            selection, accuracy = decision.mean(), np.mean(decision == (y_true == 1))
            if abs(tpr["A"] - tpr["B"]) < 0.05 and selection <= 0.60 and accuracy >= baseline - 0.03:
                repayers = np.sum(decision & (y_true == 1))
                if best is None or repayers > best[0]:
                    best = (repayers, {"thresholds": {"A": float(t_a), "B": float(t_b)},
                                       "tpr": {g: float(v) for g, v in tpr.items()},
                                       "selection_rate": float(selection), "accuracy": float(accuracy)})
    return best[1]
