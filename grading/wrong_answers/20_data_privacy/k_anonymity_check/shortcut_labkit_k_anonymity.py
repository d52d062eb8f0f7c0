def k_anonymity_of(records, quasi_identifiers):
    """records: list of dicts; quasi_identifiers: column names -> size of the smallest equivalence class."""
    from labkit.ethics.privacy import k_anonymity
    return k_anonymity({c: [row[c] for row in records] for c in records[0]}, list(quasi_identifiers))
