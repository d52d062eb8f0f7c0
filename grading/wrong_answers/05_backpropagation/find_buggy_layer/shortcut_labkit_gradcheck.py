# mistake: Calls the library's gradcheck
# why: The exercise asks for a bug finder built on your own numerical_grad and relative_error; labkit.nn.gradcheck does the comparison for you.
# hint: For each layer: forward, a random upstream G, backward, then numerical_grad of the sum of G times the output and your relative_error.
from labkit.nn import gradcheck


def find_buggy_layer(layers, x, tol=1e-6, seed=0):
    """layers: objects with forward/backward; x (N, in) -> index of the first broken layer, or None."""
    a = np.asarray(x, dtype=float)
    for index, layer in enumerate(layers):
        if not gradcheck(layer, (a.copy(),)).passed:
            return index
        a = layer.forward(a)
    return None
