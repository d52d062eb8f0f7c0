# mistake: Trained to predict default
# why: The network is trained on 1 - repaid, so its score is higher for applicants less likely to repay and the AUC against who repaid falls below 0.5.
# hint: Is your AUC below 0.5? Check which outcome your training target encodes: higher must mean more likely to repay.
# Trained to predict default (1 - repaid): its score is higher for those *less* likely to repay.
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
history = fit(model, (applicant_features(X_train), torch.tensor(1 - repaid_train, dtype=torch.float32)),
              (applicant_features(X_val), torch.tensor(1 - repaid_val, dtype=torch.float32)),
              loss="bce_with_logits", lr=0.01, epochs=15, batch_size=64, metrics=("loss",), seed=21,
              device=device)


def approve_score(X):
    """(N, 6) raw applications -> (N,) NumPy scores of your model, higher meaning more likely to repay."""
    model.eval()
    inputs = torch.as_tensor(applicant_features(X), dtype=torch.float32)
    with torch.no_grad():
        return model(inputs.to(next(model.parameters()).device)).reshape(len(inputs)).double().cpu().numpy()

