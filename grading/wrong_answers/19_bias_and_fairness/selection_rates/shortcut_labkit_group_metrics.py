from labkit.ethics.fairness import group_metrics


def selection_rates(decisions, groups):
    """decisions (N,) 0/1, groups (N,) labels -> {group: fraction of that group with decision 1}."""
    table = group_metrics(np.asarray(decisions), np.asarray(decisions), groups=np.asarray(groups), warn=False)
    return dict(zip(table["group"], (float(r) for r in table["selection_rate"])))
