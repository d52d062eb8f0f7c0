# mistake: Reads the numbers off the OperatingPointCard widget
# why: The exercise asks for your own decision, searched with NumPy; the widget of section 3 (labkit.widgets.transparency) computes the per-group rates at each share for you, so the check refuses it.
# hint: Tabulate, for every candidate cut-off, each group's TPR and the balanced accuracy yourself, keep the cut-offs within the limit, and take the best.
from labkit.widgets.transparency import OperatingPointCard


def choose_operating_point(scores, y_true, groups):
    """Slides the widget over its shares and keeps the best one within the limit."""
    scores, y_true, groups = np.asarray(scores, float), np.asarray(y_true), np.asarray(groups)
    widget, best = OperatingPointCard(scores, y_true, groups), None
    for share in np.round(np.arange(0.05, 0.951, 0.05), 2):
        widget.set_share(share)
        tpr = dict(zip(widget.table["group"], widget.table["true_positive_rate"]))
        fpr = float(widget.decisions[y_true == 0].mean())
        balanced = (float(widget.decisions[y_true == 1].mean()) + 1 - fpr) / 2
        if abs(tpr["A"] - tpr["B"]) <= MAX_TPR_GAP and (best is None or balanced > best["balanced_accuracy"]):
            best = {"cutoff": widget.threshold, "share_approved": float(widget.decisions.mean()),
                    "balanced_accuracy": balanced, "tpr": {k: float(v) for k, v in tpr.items()},
                    "tpr_difference": abs(tpr["A"] - tpr["B"])}
    return best
