# mistake: Trained on historical approvals with zip area
# why: The network learns to imitate the officers' past decisions, using every feature including zip_area, a proxy for group, so it reproduces their penalty and fails the equalized-odds bar.
# hint: Which column records repayment, and which records the biased decisions? Reread the datasheet about the feature that stands in for the group.
# Trained on the historical decisions with every feature: it learns the officers' penalty through zip_area.
from labkit.train import fit

_numeric_train = np.column_stack([np.log(X_train[:, 0]), X_train[:, 1], X_train[:, 2], X_train[:, 3],
                                  np.log(X_train[:, 4])])
_feature_mean, _feature_std = _numeric_train.mean(axis=0), _numeric_train.std(axis=0)


def applicant_features_unused(X):
    """(N, 6) raw applications -> (N, 5) float32 tensor: log income, debt ratio, history, employment,
    log loan, standardized with the training statistics.

    zip_area is left out: it says nothing about repayment once the finances are known, and it is a
    proxy for the group (the datasheet of section 1)."""
    X = np.asarray(X, dtype=float)
    numeric = np.column_stack([np.log(X[:, 0]), X[:, 1], X[:, 2], X[:, 3], np.log(X[:, 4])])
    return torch.tensor((numeric - _feature_mean) / _feature_std, dtype=torch.float32)


F_mean, F_std = imitator_features(X_train).mean(axis=0), imitator_features(X_train).std(axis=0) + 1e-9


def applicant_features(X):
    """Every feature, zip area one-hot, as the officer imitator."""
    return torch.tensor((imitator_features(np.asarray(X, dtype=float)) - F_mean) / F_std, dtype=torch.float32)


torch.manual_seed(21)
model = torch.nn.Sequential(torch.nn.Linear(15, 16), torch.nn.ReLU(), torch.nn.Linear(16, 1), torch.nn.Flatten(0))
history = fit(model, (applicant_features(X_train), torch.tensor(approved_all[train], dtype=torch.float32)),
              (applicant_features(X_val), torch.tensor(approved_all[val], dtype=torch.float32)),
              loss="bce_with_logits", lr=0.01, epochs=15, batch_size=64, metrics=("loss",), seed=21,
              device=device)


def approve_score(X):
    """(N, 6) raw applications -> (N,) NumPy scores of your model, higher meaning more likely to repay."""
    model.eval()
    inputs = torch.as_tensor(applicant_features(X), dtype=torch.float32)
    with torch.no_grad():
        return model(inputs.to(next(model.parameters()).device)).reshape(len(inputs)).double().cpu().numpy()

