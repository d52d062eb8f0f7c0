# mistake: Calls the library's scipy ks_2samp
# why: The advantage equals a one-sided Kolmogorov-Smirnov statistic, but the exercise asks for your own attack with NumPy, so scipy.stats is refused.
# hint: Loop over the observed losses as thresholds, compute the share of members and of non-members at or below each, and keep the largest difference.
from scipy.stats import ks_2samp


def attack_advantage(member_losses, non_member_losses):
    """The best TPR - FPR is the one-sided Kolmogorov-Smirnov statistic max_t (F_members(t) - F_others(t))."""
    return float(ks_2samp(member_losses, non_member_losses, alternative="greater").statistic)
