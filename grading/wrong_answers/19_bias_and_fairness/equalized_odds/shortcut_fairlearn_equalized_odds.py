from fairlearn.metrics import equalized_odds_difference as fairlearn_equalized_odds


def equalized_odds_difference(y_true, decisions, groups):
    """fairlearn's equalized_odds_difference."""
    return float(fairlearn_equalized_odds(np.asarray(y_true), np.asarray(decisions), sensitive_features=np.asarray(groups)))
