# mistake: Thresholds chosen and rates computed on the training split
# why: The search uses the scores of the training rows (train_score, repaid[train]) instead of the data passed in, so the thresholds fit other applicants and the reported rates are not those of the data the function was given.
# hint: Use only the score, y_true and groups your function receives; the checks recompute everything on them.
def choose_thresholds(score, y_true, groups):
    """Searches on the training rows, whatever data it is given."""
    score, y_true, groups = train_score, repaid[train], group_name[train]
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
    allowed = ((np.abs(tpr_a[:, None] - tpr_b[None, :]) < MAX_TPR_GAP) & (selection <= MAX_SELECTION_RATE)
               & (accuracy >= baseline - MAX_ACCURACY_LOSS))
    i, j = np.unravel_index(np.argmax(np.where(allowed, accuracy, -1.0)), accuracy.shape)
    return {"thresholds": {"A": float(grid[i]), "B": float(grid[j])},
            "tpr": {"A": float(tpr_a[i]), "B": float(tpr_b[j])},
            "selection_rate": float(selection[i, j]), "accuracy": float(accuracy[i, j])}
