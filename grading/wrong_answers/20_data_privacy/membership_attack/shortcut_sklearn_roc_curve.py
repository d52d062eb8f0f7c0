# mistake: Calls the library's roc_curve
# why: The exercise asks for your own threshold attack with NumPy; scikit-learn's roc_curve computes the TPR and FPR of every threshold for you, so the check refuses it.
# hint: Loop over the observed losses as thresholds, compute the share of members and of non-members at or below each, and keep the largest difference.
from sklearn.metrics import roc_curve


def attack_advantage(member_losses, non_member_losses):
    """The ROC curve of the score -loss (members positive): the best TPR - FPR over its thresholds."""
    losses = np.concatenate([member_losses, non_member_losses])
    is_member = np.r_[np.ones(len(member_losses)), np.zeros(len(non_member_losses))]
    fpr, tpr, _ = roc_curve(is_member, -losses)
    return float(max(0.0, np.max(tpr - fpr)))
