# mistake: Calls the library's l1_penalty
# why: The exercise asks for your own L1 penalty and subgradient written with NumPy; labkit.nn.l1_penalty computes both for you.
# hint: np.abs, np.sum and np.sign are all you need.
from labkit.nn import Parameter, l1_penalty


def l1_penalty_and_grad(w, lam):
    """w (any shape) -> (lam * sum |w|, lam * sign(w) of w's shape)."""
    p = Parameter(np.array(w, dtype=float))
    value = l1_penalty([p], lam)
    return value, p.grad
