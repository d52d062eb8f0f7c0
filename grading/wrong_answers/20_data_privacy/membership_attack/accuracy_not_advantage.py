# mistake: Attack accuracy instead of advantage
# why: Each threshold is scored by the balanced accuracy (TPR + 1 - FPR) / 2, so a useless attack scores 0.5 instead of 0; the advantage is TPR - FPR.
# hint: What should a coin-flip attack score? Compare the quantity you maximise with the definition of the advantage.
def attack_advantage(member_losses, non_member_losses):
    """member_losses (M,), non_member_losses (K,) -> max over t of TPR(t) - FPR(t), guessing member if loss <= t."""
    members = np.asarray(member_losses, dtype=float)
    others = np.asarray(non_member_losses, dtype=float)
    best = 0.0
    for t in np.concatenate([members, others]):
        tpr, fpr = np.mean(members <= t), np.mean(others <= t)
        best = max(best, (tpr + 1 - fpr) / 2)
    return float(best)
