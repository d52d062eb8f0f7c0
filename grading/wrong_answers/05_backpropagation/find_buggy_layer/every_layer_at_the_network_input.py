# mistake: Every layer checked at the input x
# why: The input a is never advanced to the layer's output, so every layer is fed the network's x; a layer whose input width differs fails to run, and only input gradients are compared.
# hint: Each layer must be checked at its own input, the output of the layer before; where does your loop update what the next layer gets?
def find_buggy_layer(layers, x, tol=1e-6, seed=0):
    """layers: objects with forward/backward; x (N, in) -> index of the first broken layer, or None."""
    rng = np.random.default_rng(seed)
    a = np.asarray(x, dtype=float)
    for index, layer in enumerate(layers):
        out = layer.forward(a.copy())
        G = rng.normal(size=out.shape)
        analytic = layer.backward(G)
        measured = numerical_grad(lambda a_: np.sum(G * layer.forward(a_)), a.copy())
        if relative_error(analytic, measured) > tol:
            return index
    return None
