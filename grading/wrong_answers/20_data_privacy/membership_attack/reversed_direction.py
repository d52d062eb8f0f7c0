def attack_advantage(member_losses, non_member_losses):
    """member_losses (M,), non_member_losses (K,) -> max over t of TPR(t) - FPR(t), guessing member if loss <= t."""
    members = np.asarray(member_losses, dtype=float)
    others = np.asarray(non_member_losses, dtype=float)
    best = 0.0
    for t in np.concatenate([members, others]):
        best = max(best, np.mean(members >= t) - np.mean(others >= t))
    return float(best)
