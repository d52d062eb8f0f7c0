def demographic_parity(decisions, groups):
    """decisions (N,) 0/1, groups (N,) -> (max - min selection rate, min / max selection rate)."""
    rates = selection_rates(decisions, groups)
    first, second = list(rates.values())[:2]
    return float(first - second), float(min(first, second) / max(first, second))
