from labkit.nn import Parameter, l1_penalty


def l1_penalty_and_grad(w, lam):
    """w (any shape) -> (lam * sum |w|, lam * sign(w) of w's shape)."""
    p = Parameter(np.array(w, dtype=float))
    value = l1_penalty([p], lam)
    return value, p.grad
