from labkit.nn import gradcheck


def find_buggy_layer(layers, x, tol=1e-6, seed=0):
    """layers: objects with forward/backward; x (N, in) -> index of the first broken layer, or None."""
    a = np.asarray(x, dtype=float)
    for index, layer in enumerate(layers):
        if not gradcheck(layer, (a.copy(),)).passed:
            return index
        a = layer.forward(a)
    return None
