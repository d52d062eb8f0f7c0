# mistake: Calls the library's torch.relu
# why: The exercise asks for your own ReLU written with NumPy; torch.relu computes it for you.
# hint: NumPy has an element-wise maximum of an array and a number; use that.
import torch


def relu(z):
    """max(0, z), same shape."""
    return torch.relu(torch.as_tensor(np.asarray(z, dtype=float))).numpy()


def relu_prime(z):
    """1 where z > 0, else 0."""
    return (np.asarray(z, dtype=float) > 0).astype(float)
