# A hand-written training loop (lesson 09) on every feature, zip area one-hot included, trained on repayment
# (full batch, so it stops early enough not to memorize the zip areas); the network ends in (N, 1).
seed_everything(0)
F_tr = imitator_features(X_train)
mean, std = F_tr.mean(axis=0), F_tr.std(axis=0) + 1e-9


def applicant_features(X):
    return torch.tensor((imitator_features(np.asarray(X, dtype=float)) - mean) / std, dtype=torch.float32)


model = torch.nn.Sequential(torch.nn.Linear(15, 16), torch.nn.ReLU(), torch.nn.Linear(16, 1))
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
inputs, targets = applicant_features(X_train), torch.tensor(repaid_train, dtype=torch.float32)
for epoch in range(200):
    optimizer.zero_grad()
    loss = torch.nn.functional.binary_cross_entropy_with_logits(model(inputs).squeeze(1), targets)
    loss.backward()
    optimizer.step()


def approve_score(X):
    """(N, 6) raw applications -> (N,) NumPy scores of your model, higher meaning more likely to repay."""
    model.eval()
    inputs = torch.as_tensor(applicant_features(X), dtype=torch.float32)
    with torch.no_grad():
        return model(inputs.to(next(model.parameters()).device)).reshape(len(inputs)).double().cpu().numpy()
