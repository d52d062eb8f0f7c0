# mistake: Calls the library's F.linear
# why: The exercise asks for your own forward pass of a layer written with NumPy; torch.nn.functional.linear computes it for you.
# hint: One matrix product and one addition in NumPy are all you need.
import torch
import torch.nn.functional as F


def layer_forward(x, W, b):
    """x (N, in) or (in,), W (out, in), b (out,) -> (N, out) or (out,)."""
    t = lambda a: torch.as_tensor(np.asarray(a, dtype=float))
    return F.linear(t(x), t(W), t(b)).numpy()
