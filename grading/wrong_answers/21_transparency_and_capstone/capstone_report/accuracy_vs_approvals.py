val_scores = approve_score(X_val)
cutoff = cutoff_for(val_scores)
val_decisions = decide(val_scores, cutoff)
report = {"auc": float(roc_auc_score(repaid_val, val_scores)),
          "share_approved": float(val_decisions.mean()),
          "accuracy": float(np.mean(val_decisions == approved_all[val]))}
print(f"cut-off {cutoff:.3f}", report)
