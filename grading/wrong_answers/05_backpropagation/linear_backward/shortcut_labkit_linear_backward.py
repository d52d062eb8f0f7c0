# mistake: Calls the library's Linear backward
# why: The exercise asks for your own backward pass of a linear layer written with NumPy; labkit.nn.Linear's backward computes it for you.
# hint: Three lines of NumPy: two matrix products and one sum, guided by the shape rule.
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
