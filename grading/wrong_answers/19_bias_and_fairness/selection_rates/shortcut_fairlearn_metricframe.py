# mistake: Calls the library's fairlearn MetricFrame
# why: The exercise asks for your own selection rates with NumPy; fairlearn's MetricFrame and selection_rate compute them for you, so the check refuses them.
# hint: Loop over the distinct groups and take the mean of the decisions of each group's members.
from fairlearn.metrics import MetricFrame, selection_rate


def selection_rates(decisions, groups):
    """fairlearn's MetricFrame with its selection_rate metric."""
    d = np.asarray(decisions)
    frame = MetricFrame(metrics=selection_rate, y_true=d, y_pred=d, sensitive_features=np.asarray(groups))
    return {(k.item() if hasattr(k, "item") else k): float(v) for k, v in frame.by_group.items()}
