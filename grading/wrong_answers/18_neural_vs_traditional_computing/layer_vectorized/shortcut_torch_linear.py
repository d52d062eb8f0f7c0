# mistake: Calls the library's torch linear and relu
# why: The exercise asks for the layer vectorised with NumPy; PyTorch's linear and relu compute it for you, so the check refuses them.
# hint: One matrix product with the transposed W, the bias added by broadcasting, and np.maximum with 0.
import torch


def layer_vectorized(X, W, b):
    """PyTorch's linear layer and ReLU."""
    return torch.relu(torch.nn.functional.linear(torch.tensor(X), torch.tensor(W), torch.tensor(b))).numpy()
