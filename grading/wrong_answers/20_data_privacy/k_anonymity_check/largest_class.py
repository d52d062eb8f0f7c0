def k_anonymity_of(records, quasi_identifiers):
    """records: list of dicts; quasi_identifiers: column names -> size of the smallest equivalence class."""
    sizes = Counter(tuple(row[q] for q in quasi_identifiers) for row in records)
    return int(max(sizes.values()))
