# mistake: Ratio turned upside down
# why: The ratio divides the largest rate by the smallest, giving a number above 1; the parity ratio is the smallest over the largest, at most 1.
# hint: Can your ratio exceed 1? Compare with the four-fifths rule: which rate is in the numerator?
def demographic_parity(decisions, groups):
    """decisions (N,) 0/1, groups (N,) -> (max - min selection rate, min / max selection rate)."""
    rates = selection_rates(decisions, groups)
    r = np.array(list(rates.values()))
    return float(r.max() - r.min()), float(r.max() / r.min())
