# mistake: Skips the last layer
# why: It loops over all layers but the last, so it returns the last hidden layer's activations instead of the output scores.
# hint: The output should have as many columns as the last W has rows; which layers does your loop visit?
def network_forward(x, layers, activation):
    """x (N, in) or (in,); layers [(W1, b1), ..., (WL, bL)]; activation a function -> (N, out) or (out,)."""
    h = np.asarray(x, dtype=float)
    for W, b in layers[:-1]:
        h = activation(layer_forward(h, W, b))
    return h
