# mistake: Number of classes instead of their size
# why: The number of distinct quasi-identifier combinations is returned, not the size of the smallest class.
# hint: k counts rows, not classes: how many rows share a combination in the smallest class?
def k_anonymity_of(records, quasi_identifiers):
    """records: list of dicts; quasi_identifiers: column names -> size of the smallest equivalence class."""
    classes = set(tuple(row[q] for q in quasi_identifiers) for row in records)
    return len(classes)
