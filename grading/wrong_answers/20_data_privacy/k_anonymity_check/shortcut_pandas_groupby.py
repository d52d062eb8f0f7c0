import pandas as pd


def k_anonymity_of(records, quasi_identifiers):
    """pandas: the size of the smallest group of rows with equal quasi-identifiers."""
    return int(pd.DataFrame(records).groupby(list(quasi_identifiers)).size().min())
