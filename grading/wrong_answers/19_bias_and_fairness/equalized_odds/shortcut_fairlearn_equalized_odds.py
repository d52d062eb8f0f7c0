# mistake: Calls the library's fairlearn equalized_odds_difference
# why: The exercise asks for your own equalized-odds difference; fairlearn's function computes it for you, so the check refuses it.
# hint: For each group, compute the rate of approvals among its repayers and among its non-repayers with NumPy masks.
from fairlearn.metrics import equalized_odds_difference as fairlearn_equalized_odds


def equalized_odds_difference(y_true, decisions, groups):
    """fairlearn's equalized_odds_difference."""
    return float(fairlearn_equalized_odds(np.asarray(y_true), np.asarray(decisions), sensitive_features=np.asarray(groups)))
