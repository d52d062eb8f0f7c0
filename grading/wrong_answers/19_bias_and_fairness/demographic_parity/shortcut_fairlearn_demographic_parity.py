# mistake: Calls the library's fairlearn parity metrics
# why: The exercise asks for the measures from your own selection_rates; fairlearn's demographic parity difference and ratio compute them for you, so the check refuses them.
# hint: Take the values of your selection_rates dict and compute the max minus the min and the min over the max.
from fairlearn.metrics import demographic_parity_difference, demographic_parity_ratio


def demographic_parity(decisions, groups):
    """fairlearn's parity difference and ratio (y_true is not used by them: the decisions twice)."""
    d, g = np.asarray(decisions), np.asarray(groups)
    return (float(demographic_parity_difference(d, d, sensitive_features=g)),
            float(demographic_parity_ratio(d, d, sensitive_features=g)))
