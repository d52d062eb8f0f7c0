def k_anonymity_of(records, quasi_identifiers):
    """records: list of dicts; quasi_identifiers: column names -> size of the smallest equivalence class."""
    sizes = Counter(row[quasi_identifiers[0]] for row in records)
    return int(min(sizes.values()))
