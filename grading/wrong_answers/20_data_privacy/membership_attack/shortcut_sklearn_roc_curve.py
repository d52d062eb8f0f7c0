from sklearn.metrics import roc_curve


def attack_advantage(member_losses, non_member_losses):
    """The ROC curve of the score -loss (members positive): the best TPR - FPR over its thresholds."""
    losses = np.concatenate([member_losses, non_member_losses])
    is_member = np.r_[np.ones(len(member_losses)), np.zeros(len(non_member_losses))]
    fpr, tpr, _ = roc_curve(is_member, -losses)
    return float(max(0.0, np.max(tpr - fpr)))
