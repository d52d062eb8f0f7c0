val_scores = approve_score(X_val)
val_decisions = (val_scores >= 0.5).astype(int)
report = {"auc": float(roc_auc_score(repaid_val, val_scores)),
          "share_approved": float(val_decisions.mean()),
          "accuracy": float(np.mean(val_decisions == repaid_val))}
print(report)
