from labkit.nn import Parameter, l2_penalty


def l2_regularized(X, y, w, b, lam):
    """MSE + (lam / 2) * ||w||^2 of the linear model: (loss, grad_w (F,), grad_b)."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    residual = X @ w + b - y
    p = Parameter(np.array(w, dtype=float))
    penalty = l2_penalty([p], lam)
    grad_w = 2 * X.T @ residual / len(y) + p.grad
    return float(np.mean(residual ** 2) + penalty), grad_w, float(2 * residual.mean())
