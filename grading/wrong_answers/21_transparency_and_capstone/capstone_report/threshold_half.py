val_scores = approve_score(X_val)
cutoff = 0.0  # a fixed threshold: probability 1/2 (logit 0), not the top 60%
val_decisions = decide(val_scores, cutoff)
report = {"auc": float(roc_auc_score(repaid_val, val_scores)),
          "share_approved": float(val_decisions.mean()),
          "accuracy": float(np.mean(val_decisions == repaid_val))}
print(f"cut-off {cutoff:.3f}", report)
