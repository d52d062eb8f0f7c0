_rng = np.random.default_rng(21)
_base = roc_auc_score(repaid_val, approve_score(X_val))
importance = {}
for _j, _name in enumerate(FEATURES):
    _drops = []
    for _ in range(5):
        _Xs = X_val[_rng.permutation(len(X_val))]   # every column shuffled together, not column _j alone
        _drops.append(_base - roc_auc_score(repaid_val, approve_score(_Xs)))
    importance[_name] = float(np.mean(_drops))
