# mistake: Calls the library's labkit group_metrics
# why: The exercise asks for your own selection rates with NumPy; labkit.ethics.fairness.group_metrics computes them for you, so the check refuses it.
# hint: Loop over the distinct groups and take the mean of the decisions of each group's members.
from labkit.ethics.fairness import group_metrics


def selection_rates(decisions, groups):
    """decisions (N,) 0/1, groups (N,) labels -> {group: fraction of that group with decision 1}."""
    table = group_metrics(np.asarray(decisions), np.asarray(decisions), groups=np.asarray(groups), warn=False)
    return dict(zip(table["group"], (float(r) for r in table["selection_rate"])))
