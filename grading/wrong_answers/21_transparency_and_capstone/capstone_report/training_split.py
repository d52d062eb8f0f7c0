val_scores = approve_score(X_train)
cutoff = cutoff_for(val_scores)
val_decisions = decide(val_scores, cutoff)
report = {"auc": float(roc_auc_score(repaid_train, val_scores)),
          "share_approved": float(val_decisions.mean()),
          "accuracy": float(np.mean(val_decisions == repaid_train))}
print(f"cut-off {cutoff:.3f}", report)
