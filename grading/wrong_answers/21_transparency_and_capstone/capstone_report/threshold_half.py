# mistake: Fixed threshold at logit 0
# why: The cut-off is fixed at 0 (probability one half) instead of being set so that the top 60 % of validation scores pass, so the share approved is whatever the model happens to give.
# hint: The share approved should be 60 %: is it? Set the cut-off from the validation scores, not from a fixed probability.
val_scores = approve_score(X_val)
cutoff = 0.0  # a fixed threshold: probability 1/2 (logit 0), not the top 60%
val_decisions = decide(val_scores, cutoff)
report = {"auc": float(roc_auc_score(repaid_val, val_scores)),
          "share_approved": float(val_decisions.mean()),
          "accuracy": float(np.mean(val_decisions == repaid_val))}
print(f"cut-off {cutoff:.3f}", report)
