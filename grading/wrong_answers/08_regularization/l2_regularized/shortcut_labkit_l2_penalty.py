# mistake: Calls the library's l2_penalty
# why: The exercise asks for your own L2 penalty and its gradient on top of mse_loss_and_grads; labkit.nn.l2_penalty computes it for you.
# hint: Call mse_loss_and_grads, then add the penalty to the loss and its gradient to grad_w with NumPy.
from labkit.nn import Parameter, l2_penalty


def l2_regularized(X, y, w, b, lam):
    """MSE + (lam / 2) * ||w||^2 of the linear model: (loss, grad_w (F,), grad_b)."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    residual = X @ w + b - y
    p = Parameter(np.array(w, dtype=float))
    penalty = l2_penalty([p], lam)
    grad_w = 2 * X.T @ residual / len(y) + p.grad
    return float(np.mean(residual ** 2) + penalty), grad_w, float(2 * residual.mean())
