from labkit.train import fit


def applicant_features(X):
    """(N, 6) raw applications -> (N, 5): log income, debt ratio, history, employment, log loan.

    zip_area is left out: it says nothing about repayment once the finances are known, and it is a
    proxy for the group (the datasheet of section 1)."""
    X = np.asarray(X, dtype=float)
    return np.column_stack([np.log(X[:, 0]), X[:, 1], X[:, 2], X[:, 3], np.log(X[:, 4])])


A_train = applicant_features(X_train)
A_mean, A_std = A_train.mean(axis=0), A_train.std(axis=0)
standardize = lambda A: torch.tensor((A - A_mean) / A_std, dtype=torch.float32)
model = torch.nn.Sequential(torch.nn.Linear(5, 1), torch.nn.Flatten(0))
history = fit(model, (standardize(A_train), torch.tensor(repaid_train, dtype=torch.float32)),
              (standardize(applicant_features(X_val)), torch.tensor(repaid_val, dtype=torch.float32)),
              loss="bce_with_logits", lr=0.01, epochs=15, batch_size=64, metrics=("loss",), seed=21,
              device=device)


def approve_score(X):
    """(N, 6) raw applications -> (N,) probability of repaying."""
    with torch.no_grad():
        return torch.sigmoid(model(standardize(applicant_features(X)).to(device))).cpu().numpy()
