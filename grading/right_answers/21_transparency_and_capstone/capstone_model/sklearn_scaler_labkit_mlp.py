# scikit-learn's StandardScaler for the inputs, labkit's MLP builder with dropout, labkit.train.fit with
# early stopping by hand (the epoch with the lowest validation loss is kept); zip_area left out.
import copy as _copy

from sklearn.preprocessing import StandardScaler

from labkit.models import MLP
from labkit.train import fit


def _finances(X):
    X = np.asarray(X, dtype=float)
    return np.column_stack([np.log(X[:, 0]), X[:, 1], X[:, 2], X[:, 3], np.log(X[:, 4])])


scaler = StandardScaler().fit(_finances(X_train))


def applicant_features(X):
    return torch.tensor(scaler.transform(_finances(X)), dtype=torch.float32)


torch.manual_seed(3)
model = MLP(5, hidden=(32,), out_features=1, dropout=0.1)
best, best_loss = None, float("inf")
for round_ in range(6):
    history = fit(model, (applicant_features(X_train), torch.tensor(repaid_train, dtype=torch.float32)[:, None]),
                  (applicant_features(X_val), torch.tensor(repaid_val, dtype=torch.float32)[:, None]),
                  loss="bce_with_logits", lr=0.005, epochs=2, batch_size=128, metrics=("loss",), seed=round_,
                  device=device)
    if history["val_loss"][-1] < best_loss:
        best, best_loss = _copy.deepcopy(model), history["val_loss"][-1]
model = best


def approve_score(X):
    """(N, 6) raw applications -> (N,) NumPy scores of your model, higher meaning more likely to repay."""
    model.eval()
    inputs = torch.as_tensor(applicant_features(X), dtype=torch.float32)
    with torch.no_grad():
        return model(inputs.to(next(model.parameters()).device)).reshape(len(inputs)).double().cpu().numpy()
