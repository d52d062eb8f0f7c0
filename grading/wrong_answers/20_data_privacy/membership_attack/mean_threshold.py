# mistake: One threshold only (the mean loss)
# why: Only the mean of all losses is tried as a threshold; the advantage is the best TPR - FPR over every threshold.
# hint: Why would the mean loss be the best threshold? Try every observed loss and keep the best.
def attack_advantage(member_losses, non_member_losses):
    """member_losses (M,), non_member_losses (K,) -> max over t of TPR(t) - FPR(t), guessing member if loss <= t."""
    members = np.asarray(member_losses, dtype=float)
    others = np.asarray(non_member_losses, dtype=float)
    t = np.concatenate([members, others]).mean()
    return float(np.mean(members <= t) - np.mean(others <= t))
