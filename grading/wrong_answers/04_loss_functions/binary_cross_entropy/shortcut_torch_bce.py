# mistake: Calls the library's binary_cross_entropy
# why: The exercise asks for your own binary cross-entropy written with NumPy; torch.nn.functional.binary_cross_entropy computes it for you.
# hint: np.clip, np.log and np.mean are all you need.
import torch


def binary_cross_entropy(p, y, eps=1e-12):
    """p (N,) probabilities of class 1, y (N,) targets in [0, 1] -> the mean BCE, a float."""
    p = torch.as_tensor(np.clip(np.asarray(p, dtype=float), eps, 1 - eps))
    return float(torch.nn.functional.binary_cross_entropy(p, torch.as_tensor(np.asarray(y, dtype=float))))
