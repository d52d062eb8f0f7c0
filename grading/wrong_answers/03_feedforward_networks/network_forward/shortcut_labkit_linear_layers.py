# mistake: Calls the library's Linear
# why: The exercise asks for your own forward pass using your layer_forward; building labkit.nn.Linear layers hands it to the library.
# hint: Loop over the (W, b) pairs and call your layer_forward from Exercise 1.
from labkit.nn import Linear


def network_forward(x, layers, activation):
    """x (N, in) or (in,); layers [(W1, b1), ..., (WL, bL)]; activation a function -> (N, out) or (out,)."""
    h = np.atleast_2d(np.asarray(x, dtype=float))
    for i, (W, b) in enumerate(layers):
        W = np.asarray(W, dtype=float)
        layer = Linear(W.shape[1], W.shape[0])
        layer.weight.data[...] = W
        layer.bias.data[...] = b
        h = layer(h)
        if i < len(layers) - 1:
            h = activation(h)
    return h[0] if np.ndim(x) == 1 else h
