# mistake: Decisions at score 0.5, not the cut-off
# why: The audited decisions are scores at or above 0.5 instead of the decisions at your cut-off, so the audit describes a different operating point than the one the bank will use.
# hint: Audit the decisions you report: val_decisions, made with your cutoff.
by_group = metrics_by_group(repaid_val, (val_scores >= 0.5).astype(int), group_val)
selection = [row["selection_rate"] for row in by_group.values()]
tpr = [row["tpr"] for row in by_group.values()]
fpr = [row["fpr"] for row in by_group.values()]
audit = {"by_group": by_group,
         "demographic_parity_ratio": min(selection) / max(selection),
         "equalized_odds_difference": max(max(tpr) - min(tpr), max(fpr) - min(fpr))}
print({k: v for k, v in audit.items() if k != "by_group"})
