# mistake: Calls the library's labkit GroupThresholds
# why: The exercise asks for your own decision, searched with NumPy; labkit.ethics.fairness.GroupThresholds searches the thresholds for you, so the check refuses it.
# hint: Tabulate each group's TPR, number approved and number correct for every threshold on a grid, then combine the two groups' tables.
from labkit.ethics.fairness import GroupThresholds


def choose_thresholds(score, y_true, groups):
    """labkit's equal-opportunity thresholds, and the numbers they give."""
    score, y_true, groups = np.asarray(score, float), np.asarray(y_true), np.asarray(groups)
    fitted = GroupThresholds(criterion="equal_opportunity", tolerance=0.04).fit(score, y_true, groups=groups)
    decision = fitted.predict(score, groups=groups)
    return {"thresholds": fitted.thresholds_, "tpr": fitted.rates_,
            "selection_rate": float(decision.mean()), "accuracy": float(np.mean(decision == y_true))}
