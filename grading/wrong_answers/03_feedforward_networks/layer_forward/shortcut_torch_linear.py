import torch
import torch.nn.functional as F


def layer_forward(x, W, b):
    """x (N, in) or (in,), W (out, in), b (out,) -> (N, out) or (out,)."""
    t = lambda a: torch.as_tensor(np.asarray(a, dtype=float))
    return F.linear(t(x), t(W), t(b)).numpy()
