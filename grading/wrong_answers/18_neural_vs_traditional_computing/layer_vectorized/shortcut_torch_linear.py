import torch


def layer_vectorized(X, W, b):
    """PyTorch's linear layer and ReLU."""
    return torch.relu(torch.nn.functional.linear(torch.tensor(X), torch.tensor(W), torch.tensor(b))).numpy()
