# mistake: Calls the library's labkit equalized_odds_difference
# why: The exercise asks for your own equalized-odds difference; labkit.ethics.fairness computes it for you, so the check refuses it.
# hint: For each group, compute the rate of approvals among its repayers and among its non-repayers with NumPy masks.
from labkit.ethics.fairness import equalized_odds_difference as library_version


def equalized_odds_difference(y_true, decisions, groups):
    """y_true, decisions (N,) 0/1, groups (N,) -> the larger of the TPR gap and the FPR gap across groups."""
    return library_version(np.asarray(y_true), np.asarray(decisions), groups=np.asarray(groups))
