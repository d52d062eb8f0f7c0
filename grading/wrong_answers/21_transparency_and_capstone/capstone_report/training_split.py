# mistake: Measured on the training set
# why: The cut-off and all three numbers come from the training applications, which the model has seen; the report must be measured on the validation set.
# hint: Which split did your model never see during training? Every number of the report comes from it.
val_scores = approve_score(X_train)
cutoff = cutoff_for(val_scores)
val_decisions = decide(val_scores, cutoff)
report = {"auc": float(roc_auc_score(repaid_train, val_scores)),
          "share_approved": float(val_decisions.mean()),
          "accuracy": float(np.mean(val_decisions == repaid_train))}
print(f"cut-off {cutoff:.3f}", report)
