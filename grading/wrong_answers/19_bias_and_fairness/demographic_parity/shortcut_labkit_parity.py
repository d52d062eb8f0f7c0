# mistake: Calls the library's labkit parity metrics
# why: The exercise asks for the measures from your own selection_rates; labkit's demographic parity functions compute them for you, so the check refuses them.
# hint: Take the values of your selection_rates dict and compute the max minus the min and the min over the max.
from labkit.ethics.fairness import demographic_parity_difference, demographic_parity_ratio


def demographic_parity(decisions, groups):
    """decisions (N,) 0/1, groups (N,) -> (max - min selection rate, min / max selection rate)."""
    d, g = np.asarray(decisions), np.asarray(groups)
    return demographic_parity_difference(d, d, groups=g), demographic_parity_ratio(d, d, groups=g)
