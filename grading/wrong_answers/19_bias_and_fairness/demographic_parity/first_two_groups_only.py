# mistake: Only the first two groups compared
# why: Only the first two groups' rates are kept, so with three or more groups the largest or smallest rate may be missed.
# hint: Try three groups where the third has the extreme rate: does your difference see it? Use every group's rate.
def demographic_parity(decisions, groups):
    """decisions (N,) 0/1, groups (N,) -> (max - min selection rate, min / max selection rate)."""
    rates = selection_rates(decisions, groups)
    r = np.array(list(rates.values()))[:2]
    return float(r.max() - r.min()), float(r.min() / r.max())
