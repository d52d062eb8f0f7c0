from scipy.stats import ks_2samp


def attack_advantage(member_losses, non_member_losses):
    """The best TPR - FPR is the one-sided Kolmogorov-Smirnov statistic max_t (F_members(t) - F_others(t))."""
    return float(ks_2samp(member_losses, non_member_losses, alternative="greater").statistic)
