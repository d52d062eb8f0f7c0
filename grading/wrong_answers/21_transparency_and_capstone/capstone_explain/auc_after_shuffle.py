# mistake: AUC after shuffling, not the drop
# why: Each importance is the AUC that remains after shuffling a feature, not the drop from the unshuffled AUC, so unimportant features get the largest values.
# hint: An unused feature should have importance 0: does it? Subtract the shuffled AUC from the baseline AUC.
from labkit.explain import permutation_importance

_explained = permutation_importance(approve_score, X_val, repaid_val, metric=roc_auc_score, n_repeats=5, seed=21)
importance = dict(zip(FEATURES, (_explained.baseline_score - _explained.importances_mean).tolist()))
fig, ax = plt.subplots(figsize=(6, 2.8))
ax.barh(list(importance), list(importance.values()))
ax.set_xlabel("drop in validation AUC when the feature is shuffled")
ax.set_title("What the model relies on")
plt.show()
