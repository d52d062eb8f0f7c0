# mistake: Parity ratio turned upside down
# why: The demographic parity ratio divides the largest selection rate by the smallest, giving a value above 1; it is the smallest over the largest.
# hint: Can your ratio exceed 1? Compare with the four-fifths rule.
by_group = metrics_by_group(repaid_val, val_decisions, group_val)
selection = [row["selection_rate"] for row in by_group.values()]
tpr = [row["tpr"] for row in by_group.values()]
fpr = [row["fpr"] for row in by_group.values()]
audit = {"by_group": by_group,
         "demographic_parity_ratio": max(selection) / min(selection),
         "equalized_odds_difference": max(max(tpr) - min(tpr), max(fpr) - min(fpr))}
print({k: v for k, v in audit.items() if k != "by_group"})
