# mistake: Scores from the data generator, untrained network
# why: approve_score returns the data generator's private repayment formula from labkit.data instead of the network's output, and the network is never trained, so the scores do not come from a learned model.
# hint: The checks score your model through applicant_features: keep approve_score as given, train the network on the data, and leave labkit.data out.
# The 'oracle': an untrained network, and scores taken from the data generator's repayment model
# (a private function of labkit.data.loans) instead of from the network.
from labkit.data import loans as _loans

_numeric_train = np.column_stack([np.log(X_train[:, 0]), X_train[:, 1], X_train[:, 2], X_train[:, 3],
                                  np.log(X_train[:, 4])])
_feature_mean, _feature_std = _numeric_train.mean(axis=0), _numeric_train.std(axis=0)


def applicant_features(X):
    """(N, 6) raw applications -> (N, 5) float32 tensor: log income, debt ratio, history, employment,
    log loan, standardized with the training statistics.

    zip_area is left out: it says nothing about repayment once the finances are known, and it is a
    proxy for the group (the datasheet of section 1)."""
    X = np.asarray(X, dtype=float)
    numeric = np.column_stack([np.log(X[:, 0]), X[:, 1], X[:, 2], X[:, 3], np.log(X[:, 4])])
    return torch.tensor((numeric - _feature_mean) / _feature_std, dtype=torch.float32)


torch.manual_seed(21)
model = torch.nn.Sequential(torch.nn.Linear(5, 16), torch.nn.ReLU(), torch.nn.Linear(16, 1), torch.nn.Flatten(0))
history = None  # the network is never trained


def approve_score(X):
    """(N, 6) raw applications -> (N,) NumPy scores of your model, higher meaning more likely to repay."""
    X = np.asarray(X, dtype=float)   # the generator's own repayment model, dug out of labkit/data/loans.py
    return _loans._merit(X[:, 0], X[:, 1], X[:, 2], X[:, 3], X[:, 4])

