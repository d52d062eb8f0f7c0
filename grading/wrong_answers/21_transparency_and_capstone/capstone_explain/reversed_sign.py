# mistake: Importance with the wrong sign
# why: The importances are negated, so a feature whose shuffling lowers the AUC gets a negative value instead of a positive drop.
# hint: Shuffling a useful feature lowers the AUC: should its importance be positive or negative?
from labkit.explain import permutation_importance

_explained = permutation_importance(approve_score, X_val, repaid_val, metric=roc_auc_score, n_repeats=5, seed=21)
importance = dict(zip(FEATURES, (-_explained.importances_mean).tolist()))
fig, ax = plt.subplots(figsize=(6, 2.8))
ax.barh(list(importance), list(importance.values()))
ax.set_xlabel("drop in validation AUC when the feature is shuffled")
ax.set_title("What the model relies on")
plt.show()
