val_scores = approve_score(X_val)
val_decisions = decide(val_scores)
report = {"auc": float(roc_auc_score(repaid_val, val_scores)),
          "share_approved": float(val_decisions.mean()),
          "accuracy": float(np.mean(val_decisions == approved_all[val]))}
print(report)
