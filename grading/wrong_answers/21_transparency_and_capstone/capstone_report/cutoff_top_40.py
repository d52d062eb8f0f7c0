val_scores = approve_score(X_val)
cutoff = float(np.quantile(val_scores, 0.6))   # the 60th percentile: only the top 40% reach it
val_decisions = decide(val_scores, cutoff)
report = {"auc": float(roc_auc_score(repaid_val, val_scores)),
          "share_approved": float(val_decisions.mean()),
          "accuracy": float(np.mean(val_decisions == repaid_val))}
print(f"cut-off {cutoff:.3f}", report)
