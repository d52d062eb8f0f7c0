# mistake: Activation before each layer
# why: It applies the activation to a layer's input before the layer (starting with the raw input x) instead of to each hidden layer's output.
# hint: Trace h through the loop for two layers: is the first thing you activate x itself, or the first layer's output?
def network_forward(x, layers, activation):
    """x (N, in) or (in,); layers [(W1, b1), ..., (WL, bL)]; activation a function -> (N, out) or (out,)."""
    h = np.asarray(x, dtype=float)
    for k, (W, b) in enumerate(layers):
        if k < len(layers) - 1:
            h = activation(h)
        h = layer_forward(h, W, b)
    return h
