# mistake: Signed difference of two groups
# why: The difference is the first group's rate minus the second's, which is negative when the second is higher, and ignores any further groups; the definition is max minus min.
# hint: Can your difference be negative? Reread the definition: the largest rate minus the smallest, over all groups.
def demographic_parity(decisions, groups):
    """decisions (N,) 0/1, groups (N,) -> (max - min selection rate, min / max selection rate)."""
    rates = selection_rates(decisions, groups)
    first, second = list(rates.values())[:2]
    return float(first - second), float(min(first, second) / max(first, second))
