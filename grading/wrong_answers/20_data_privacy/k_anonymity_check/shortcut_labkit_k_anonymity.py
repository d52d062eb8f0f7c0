# mistake: Calls the library's labkit k_anonymity
# why: The exercise asks for your own k-anonymity check; labkit.ethics.privacy.k_anonymity computes it for you, so the check refuses it.
# hint: Count the rows of each tuple of quasi-identifier values (collections.Counter) and return the smallest count.
def k_anonymity_of(records, quasi_identifiers):
    """records: list of dicts; quasi_identifiers: column names -> size of the smallest equivalence class."""
    from labkit.ethics.privacy import k_anonymity
    return k_anonymity({c: [row[c] for row in records] for c in records[0]}, list(quasi_identifiers))
