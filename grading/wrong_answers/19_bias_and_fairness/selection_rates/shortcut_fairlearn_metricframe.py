from fairlearn.metrics import MetricFrame, selection_rate


def selection_rates(decisions, groups):
    """fairlearn's MetricFrame with its selection_rate metric."""
    d = np.asarray(decisions)
    frame = MetricFrame(metrics=selection_rate, y_true=d, y_pred=d, sensitive_features=np.asarray(groups))
    return {(k.item() if hasattr(k, "item") else k): float(v) for k, v in frame.by_group.items()}
