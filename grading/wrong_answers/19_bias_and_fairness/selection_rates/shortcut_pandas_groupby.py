# mistake: Calls the library's pandas groupby
# why: The exercise asks for your own selection rates with NumPy and the standard library; a pandas groupby computes them for you, so the check refuses it.
# hint: Loop over the distinct groups and take the mean of the decisions of each group's members.
import pandas as pd


def selection_rates(decisions, groups):
    """pandas: the mean decision of each group."""
    means = pd.Series(np.asarray(decisions) == 1).groupby(np.asarray(groups)).mean()
    return {(k.item() if hasattr(k, "item") else k): float(v) for k, v in means.items()}
