# mistake: Calls the library's labkit membership_advantage
# why: The exercise asks for your own threshold attack with NumPy; labkit.ethics.privacy.membership_advantage computes it for you, so the check refuses it.
# hint: Loop over the observed losses as thresholds, compute the share of members and of non-members at or below each, and keep the largest difference.
def attack_advantage(member_losses, non_member_losses):
    """member_losses (M,), non_member_losses (K,) -> max over t of TPR(t) - FPR(t), guessing member if loss <= t."""
    from labkit.ethics.privacy import membership_advantage
    return membership_advantage(member_losses, non_member_losses).advantage
