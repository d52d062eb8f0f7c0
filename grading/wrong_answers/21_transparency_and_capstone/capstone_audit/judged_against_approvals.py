# mistake: Judged against past approvals
# why: The group table compares the decisions with the historical approvals instead of with who repaid, so the TPRs and FPRs measure agreement with the biased officers.
# hint: TPR and FPR condition on the truth: which array records who repaid on the validation set?
by_group = metrics_by_group(approved_all[val], val_decisions, group_val)
selection = [row["selection_rate"] for row in by_group.values()]
tpr = [row["tpr"] for row in by_group.values()]
fpr = [row["fpr"] for row in by_group.values()]
audit = {"by_group": by_group,
         "demographic_parity_ratio": min(selection) / max(selection),
         "equalized_odds_difference": max(max(tpr) - min(tpr), max(fpr) - min(fpr))}
print({k: v for k, v in audit.items() if k != "by_group"})
