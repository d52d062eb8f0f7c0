# mistake: Returns the last broken layer
# why: It keeps checking after a failure and returns the index of the last broken layer instead of the first; it also never checks the parameters' gradients.
# hint: With two broken layers, which index should come back? What should the loop do as soon as one layer fails?
def find_buggy_layer(layers, x, tol=1e-6, seed=0):
    """layers: objects with forward/backward; x (N, in) -> index of the first broken layer, or None."""
    rng = np.random.default_rng(seed)
    broken = None
    a = np.asarray(x, dtype=float)
    for index, layer in enumerate(layers):
        out = layer.forward(a.copy())
        G = rng.normal(size=out.shape)
        analytic = layer.backward(G)
        measured = numerical_grad(lambda a_: np.sum(G * layer.forward(a_)), a.copy())
        if relative_error(analytic, measured) > tol:
            broken = index
        a = out
    return broken
