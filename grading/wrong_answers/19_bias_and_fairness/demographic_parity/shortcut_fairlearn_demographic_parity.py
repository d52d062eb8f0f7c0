from fairlearn.metrics import demographic_parity_difference, demographic_parity_ratio


def demographic_parity(decisions, groups):
    """fairlearn's parity difference and ratio (y_true is not used by them: the decisions twice)."""
    d, g = np.asarray(decisions), np.asarray(groups)
    return (float(demographic_parity_difference(d, d, sensitive_features=g)),
            float(demographic_parity_ratio(d, d, sensitive_features=g)))
