# mistake: Calls the library's pandas groupby
# why: The exercise asks for your own k-anonymity check with Python and NumPy; a pandas groupby computes the class sizes for you, so the check refuses it.
# hint: Count the rows of each tuple of quasi-identifier values (collections.Counter) and return the smallest count.
import pandas as pd


def k_anonymity_of(records, quasi_identifiers):
    """pandas: the size of the smallest group of rows with equal quasi-identifiers."""
    return int(pd.DataFrame(records).groupby(list(quasi_identifiers)).size().min())
