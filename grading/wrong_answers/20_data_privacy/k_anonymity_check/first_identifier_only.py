# mistake: Only the first quasi-identifier used
# why: Rows are grouped by the first quasi-identifier alone, so two rows that agree on it but differ on another quasi-identifier count as one class and k can come out too large.
# hint: A class is the rows that agree on ALL the quasi-identifiers: check the key you group by.
def k_anonymity_of(records, quasi_identifiers):
    """records: list of dicts; quasi_identifiers: column names -> size of the smallest equivalence class."""
    sizes = Counter(row[quasi_identifiers[0]] for row in records)
    return int(min(sizes.values()))
