# mistake: Accuracy judged against past approvals
# why: The accuracy compares the decisions with the historical approvals instead of with who repaid, so it measures agreement with the biased officers.
# hint: Which array records the truth the bank cares about? All three numbers are judged against who repaid.
val_scores = approve_score(X_val)
cutoff = cutoff_for(val_scores)
val_decisions = decide(val_scores, cutoff)
report = {"auc": float(roc_auc_score(repaid_val, val_scores)),
          "share_approved": float(val_decisions.mean()),
          "accuracy": float(np.mean(val_decisions == approved_all[val]))}
print(f"cut-off {cutoff:.3f}", report)
