# mistake: approve_score returns 0/1 decisions
# why: approve_score thresholds the logits into 0/1 decisions instead of returning the model's scores, so it no longer matches the model and loses the ranking the AUC measures.
# hint: Leave approve_score as the answer cell gives it: it must return the model's scores, not decisions.
# approve_score returns 0/1 decisions instead of the model's scores.
from labkit.train import fit

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
history = fit(model, (applicant_features(X_train), torch.tensor(repaid_train, dtype=torch.float32)),
              (applicant_features(X_val), torch.tensor(repaid_val, dtype=torch.float32)),
              loss="bce_with_logits", lr=0.01, epochs=15, batch_size=64, metrics=("loss",), seed=21,
              device=device)


def approve_score(X):
    """(N, 6) raw applications -> (N,) NumPy scores of your model, higher meaning more likely to repay."""
    model.eval()
    inputs = torch.as_tensor(applicant_features(X), dtype=torch.float32)
    with torch.no_grad():
        logits = model(inputs.to(next(model.parameters()).device)).reshape(len(inputs))
        return (logits >= 0).double().cpu().numpy()   # approve when the chance of repaying is at least 1/2

