# A hand-written training loop (lesson 09) on every feature, zip area one-hot included, trained on repayment
# (full batch, so it stops early enough not to memorize the zip areas).
seed_everything(0)
F_tr = imitator_features(X_train)
mean, std = F_tr.mean(axis=0), F_tr.std(axis=0) + 1e-9
to_tensor = lambda X: torch.tensor((imitator_features(X) - mean) / std, dtype=torch.float32)
model = torch.nn.Sequential(torch.nn.Linear(15, 16), torch.nn.ReLU(), torch.nn.Linear(16, 1))
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
inputs, targets = to_tensor(X_train), torch.tensor(repaid_train, dtype=torch.float32)
for epoch in range(200):
    optimizer.zero_grad()
    loss = torch.nn.functional.binary_cross_entropy_with_logits(model(inputs).squeeze(1), targets)
    loss.backward()
    optimizer.step()


def approve_score(X):
    with torch.no_grad():
        return model(to_tensor(X)).squeeze(1).numpy()   # logits rank like probabilities
