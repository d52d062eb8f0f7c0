# mistake: Activation after the last layer
# why: It applies the activation after every layer, including the output layer, so negative scores become 0 with ReLU instead of staying raw scores.
# hint: The output layer gives raw scores (logits): with ReLU, can your network ever output a negative score?
def network_forward(x, layers, activation):
    """x (N, in) or (in,); layers [(W1, b1), ..., (WL, bL)]; activation a function -> (N, out) or (out,)."""
    h = np.asarray(x, dtype=float)
    for W, b in layers:
        h = activation(layer_forward(h, W, b))
    return h
