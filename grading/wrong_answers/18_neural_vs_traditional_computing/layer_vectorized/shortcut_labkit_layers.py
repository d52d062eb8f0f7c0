# mistake: Calls the library's labkit Linear and ReLU
# why: The exercise asks for the layer vectorised with NumPy; labkit's Linear and ReLU layers compute it for you, so the check refuses them.
# hint: One matrix product with the transposed W, the bias added by broadcasting, and np.maximum with 0.
from labkit.nn import Linear, ReLU


def layer_vectorized(X, W, b):
    """labkit's Linear and ReLU layers, with the given weights."""
    layer = Linear(W.shape[1], W.shape[0], dtype=np.float64)
    layer.weight.data[...] = W
    layer.bias.data[...] = b
    return ReLU().forward(layer.forward(X))
