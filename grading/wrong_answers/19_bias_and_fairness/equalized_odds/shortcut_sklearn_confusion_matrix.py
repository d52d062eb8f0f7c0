# mistake: Calls the library's confusion_matrix
# why: The exercise asks for your own TPR and FPR; reading them off scikit-learn's confusion_matrix is refused by the check.
# hint: For each group, compute the rate of approvals among its repayers and among its non-repayers with NumPy masks.
from sklearn.metrics import confusion_matrix


def equalized_odds_difference(y_true, decisions, groups):
    """Each group's TPR and FPR read off scikit-learn's confusion matrix."""
    y_true, decisions, groups = np.asarray(y_true), np.asarray(decisions), np.asarray(groups)
    tpr, fpr = [], []
    for g in np.unique(groups):
        (tn, fp), (fn, tp) = confusion_matrix(y_true[groups == g], decisions[groups == g], labels=[0, 1])
        tpr.append(tp / (tp + fn))
        fpr.append(fp / (fp + tn))
    return float(max(max(tpr) - min(tpr), max(fpr) - min(fpr)))
