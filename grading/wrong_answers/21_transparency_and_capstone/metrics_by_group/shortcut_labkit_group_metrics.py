# mistake: Calls the library's labkit group_metrics
# why: The exercise asks for your own per-group table with NumPy; labkit.ethics.fairness.group_metrics computes it for you, so the check refuses it.
# hint: Loop over the groups with a boolean mask and compute the count and the four rates from the masked arrays.
def metrics_by_group(y_true, decisions, groups):
    """y_true, decisions (N,) 0/1, groups (N,) -> {group: {count, selection_rate, accuracy, tpr, fpr}}."""
    from labkit.ethics.fairness import group_metrics
    table = group_metrics(y_true, decisions, groups=groups, warn=False)
    return {row["group"]: {"count": int(row["count"]), "selection_rate": float(row["selection_rate"]),
                           "accuracy": float(row["accuracy"]), "tpr": float(row["true_positive_rate"]),
                           "fpr": float(row["false_positive_rate"])} for row in table.rows()}
