# mistake: Largest class instead of smallest
# why: The size of the largest equivalence class is returned, but k is guaranteed only by the smallest one.
# hint: A linkage attack targets the most exposed person: which class size bounds everyone's anonymity?
def k_anonymity_of(records, quasi_identifiers):
    """records: list of dicts; quasi_identifiers: column names -> size of the smallest equivalence class."""
    sizes = Counter(tuple(row[q] for q in quasi_identifiers) for row in records)
    return int(max(sizes.values()))
