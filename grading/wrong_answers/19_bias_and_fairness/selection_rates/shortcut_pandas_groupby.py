import pandas as pd


def selection_rates(decisions, groups):
    """pandas: the mean decision of each group."""
    means = pd.Series(np.asarray(decisions) == 1).groupby(np.asarray(groups)).mean()
    return {(k.item() if hasattr(k, "item") else k): float(v) for k, v in means.items()}
