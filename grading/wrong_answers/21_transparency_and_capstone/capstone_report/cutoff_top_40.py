# mistake: Cut-off approves the top 40 %
# why: The 60th percentile is taken as the cut-off, so only the top 40 % of validation scores reach it instead of the top 60 %.
# hint: What share of your validation applicants is approved with your cut-off? It should be 60 %; section 2's helper fixes it.
val_scores = approve_score(X_val)
cutoff = float(np.quantile(val_scores, 0.6))   # the 60th percentile: only the top 40% reach it
val_decisions = decide(val_scores, cutoff)
report = {"auc": float(roc_auc_score(repaid_val, val_scores)),
          "share_approved": float(val_decisions.mean()),
          "accuracy": float(np.mean(val_decisions == repaid_val))}
print(f"cut-off {cutoff:.3f}", report)
