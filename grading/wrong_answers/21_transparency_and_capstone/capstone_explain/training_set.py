# mistake: Importance measured on the training set
# why: The permutation importance is computed on the training applications instead of the validation set, so it describes what the model memorised rather than how it behaves on new data.
# hint: Which split does the exercise name? Use the validation features and labels.
from labkit.explain import permutation_importance

_explained = permutation_importance(approve_score, X_train, repaid_train, metric=roc_auc_score, n_repeats=5, seed=21)
importance = dict(zip(FEATURES, _explained.importances_mean.tolist()))   # on the training set
fig, ax = plt.subplots(figsize=(6, 2.8))
ax.barh(list(importance), list(importance.values()))
ax.set_xlabel("drop in validation AUC when the feature is shuffled")
ax.set_title("What the model relies on")
plt.show()
