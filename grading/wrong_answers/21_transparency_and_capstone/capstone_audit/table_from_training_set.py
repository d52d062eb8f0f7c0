# mistake: Audit table from the training set
# why: The group table is computed from the training applications, their labels and groups, instead of from your validation decisions.
# hint: Which split and which decisions does the exercise audit? Use the validation set and val_decisions.
by_group = metrics_by_group(repaid_train, decide(approve_score(X_train), cutoff), group_train)  # the wrong split
selection = [row["selection_rate"] for row in by_group.values()]
tpr = [row["tpr"] for row in by_group.values()]
fpr = [row["fpr"] for row in by_group.values()]
audit = {"by_group": by_group,
         "demographic_parity_ratio": min(selection) / max(selection),
         "equalized_odds_difference": max(max(tpr) - min(tpr), max(fpr) - min(fpr))}
print({k: v for k, v in audit.items() if k != "by_group"})
