# mistake: Parameters' gradients never checked
# why: It compares only the gradient backward returns for the input; a layer whose weight or bias gradient is wrong (like section 7's averaged bias) passes unnoticed.
# hint: A Linear layer has parameters too; for each one, compare its .grad with the gradient measured by nudging its data.
def find_buggy_layer(layers, x, tol=1e-6, seed=0):
    """Checks the gradient each backward returns for its input, never the parameters' gradients."""
    rng = np.random.default_rng(seed)
    a = np.asarray(x, dtype=float)
    for index, layer in enumerate(layers):
        out = layer.forward(a.copy())
        G = rng.normal(size=out.shape)
        analytic = layer.backward(G)
        measured = numerical_grad(lambda a_: np.sum(G * layer.forward(a_)), a.copy())
        if relative_error(analytic, measured) > tol:
            return index
        a = out
    return None
