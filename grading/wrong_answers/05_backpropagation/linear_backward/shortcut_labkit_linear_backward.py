from labkit.nn import Linear


def linear_backward(x, W, grad_out):
    """x (N, in), W (out, in), grad_out (N, out) -> (dx (N, in), dW (out, in), db (out,))."""
    W = np.asarray(W, dtype=float)
    layer = Linear(W.shape[1], W.shape[0])
    layer.weight.data[...] = W
    layer.zero_grad()
    layer(np.asarray(x, dtype=float))
    dx = layer.backward(np.asarray(grad_out, dtype=float))
    return dx, layer.weight.grad, layer.bias.grad
