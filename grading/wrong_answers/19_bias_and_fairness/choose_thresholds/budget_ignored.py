# mistake: The lending budget is ignored
# why: The search keeps the TPR gap and the accuracy loss in bounds but not the share approved: the most accurate pairs approve far more than 60% of applicants, since most of them repay.
# hint: Three constraints: also keep the share of applicants approved at or below MAX_SELECTION_RATE.
def choose_thresholds(score, y_true, groups):
    """Equal opportunity and accuracy, but no budget."""
    score, y_true, groups = np.asarray(score, float), np.asarray(y_true), np.asarray(groups)
    grid = np.round(np.linspace(0, 1, 101), 2)
    per_group = {}
    for g in ("A", "B"):
        member = groups == g
        decide = score[member][None, :] >= grid[:, None]  # (T, n_g)
        truth = y_true[member] == 1
        per_group[g] = (decide[:, truth].mean(axis=1), decide[:, ~truth].mean(axis=1), decide.sum(axis=1),
                        (decide == truth).sum(axis=1))
    (tpr_a, fpr_a, chosen_a, correct_a), (tpr_b, fpr_b, chosen_b, correct_b) = per_group["A"], per_group["B"]
    selection = (chosen_a[:, None] + chosen_b[None, :]) / len(score)
    accuracy = (correct_a[:, None] + correct_b[None, :]) / len(score)
    baseline = np.mean((score >= 0.5) == (y_true == 1))
    allowed = (np.abs(tpr_a[:, None] - tpr_b[None, :]) < MAX_TPR_GAP) & (accuracy >= baseline - MAX_ACCURACY_LOSS)
    i, j = np.unravel_index(np.argmax(np.where(allowed, accuracy, -1.0)), accuracy.shape)
    return {"thresholds": {"A": float(grid[i]), "B": float(grid[j])},
            "tpr": {"A": float(tpr_a[i]), "B": float(tpr_b[j])},
            "selection_rate": float(selection[i, j]), "accuracy": float(accuracy[i, j])}
