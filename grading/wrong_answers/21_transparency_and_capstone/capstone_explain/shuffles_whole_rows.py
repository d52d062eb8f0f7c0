# mistake: Whole rows shuffled, not one column
# why: Every column is permuted together, which only separates the rows from their labels, so every feature gets the same large 'importance'.
# hint: Are all your importances about equal? Shuffle only column j of X_val and keep the other columns in place.
_rng = np.random.default_rng(21)
_base = roc_auc_score(repaid_val, approve_score(X_val))
importance = {}
for _j, _name in enumerate(FEATURES):
    _drops = []
    for _ in range(5):
        _Xs = X_val[_rng.permutation(len(X_val))]   # every column shuffled together, not column _j alone
        _drops.append(_base - roc_auc_score(repaid_val, approve_score(_Xs)))
    importance[_name] = float(np.mean(_drops))
