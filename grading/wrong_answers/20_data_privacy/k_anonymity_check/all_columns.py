# mistake: Groups by every column, not the quasi-identifiers
# why: Rows are grouped by all their columns, the diagnosis included, so rows that share their quasi-identifiers but differ in another column fall into different classes and k comes out too small.
# hint: Which columns define an equivalence class? Your function never uses the quasi_identifiers argument.
def k_anonymity_of(records, quasi_identifiers):
    """records: list of dicts; quasi_identifiers: column names -> size of the smallest equivalence class."""
    sizes = Counter(tuple(sorted(row.items())) for row in records)
    return int(min(sizes.values()))
