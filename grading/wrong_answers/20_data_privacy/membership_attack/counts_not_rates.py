# mistake: Counts over all examples, not rates per group
# why: The counts of members and non-members below t are subtracted and divided by the total number of examples, so the result is not TPR - FPR and depends on the group sizes.
# hint: TPR divides by the number of members and FPR by the number of non-members: check your denominators.
def attack_advantage(member_losses, non_member_losses):
    """member_losses (M,), non_member_losses (K,) -> max over t of TPR(t) - FPR(t), guessing member if loss <= t."""
    members = np.asarray(member_losses, dtype=float)
    others = np.asarray(non_member_losses, dtype=float)
    n = len(members) + len(others)
    best = 0.0
    for t in np.concatenate([members, others]):
        best = max(best, (np.sum(members <= t) - np.sum(others <= t)) / n)
    return float(best)
