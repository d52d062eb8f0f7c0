def attack_advantage(member_losses, non_member_losses):
    """member_losses (M,), non_member_losses (K,) -> max over t of TPR(t) - FPR(t), guessing member if loss <= t."""
    from labkit.ethics.privacy import membership_advantage
    return membership_advantage(member_losses, non_member_losses).advantage
