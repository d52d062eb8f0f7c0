def demographic_parity(decisions, groups):
    """decisions (N,) 0/1, groups (N,) -> (max - min selection rate, min / max selection rate)."""
    rates = selection_rates(decisions, groups)
    r = np.array(list(rates.values()))
    return float(r.max() - r.min()), float(r.max() / r.min())
