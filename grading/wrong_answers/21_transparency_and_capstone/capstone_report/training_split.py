val_scores = approve_score(X_train)
val_decisions = decide(val_scores)
report = {"auc": float(roc_auc_score(repaid_train, val_scores)),
          "share_approved": float(val_decisions.mean()),
          "accuracy": float(np.mean(val_decisions == repaid_train))}
print(report)
