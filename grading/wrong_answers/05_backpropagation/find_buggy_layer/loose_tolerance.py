# mistake: Tolerance too loose
# why: It calls a layer broken only above 1e-2 instead of the tol argument, so subtle bugs (a slope off by 0.1%) pass; it also never checks the parameters' gradients.
# hint: Which threshold does your comparison use, and where is the tol argument used? Check the parameters' gradients as well.
def find_buggy_layer(layers, x, tol=1e-6, seed=0):
    """layers: objects with forward/backward; x (N, in) -> index of the first broken layer, or None."""
    rng = np.random.default_rng(seed)
    a = np.asarray(x, dtype=float)
    for index, layer in enumerate(layers):
        out = layer.forward(a.copy())
        G = rng.normal(size=out.shape)
        analytic = layer.backward(G)
        measured = numerical_grad(lambda a_: np.sum(G * layer.forward(a_)), a.copy())
        if relative_error(analytic, measured) > 1e-2:  # 'close enough'
            return index
        a = out
    return None
