# mistake: Sigmoid sign flipped
# why: The sigmoid uses exp(z) instead of exp(-z), so it computes sigmoid(-z): large z gives an output near 0 instead of near 1.
# hint: Try z = 10: the sigmoid should be close to 1. Check the sign inside the exponential.
def neuron_output(x, w, b, activation="step"):
    z = weighted_sum(x, w, b)
    if activation == "step":
        return np.where(z >= 0, 1.0, 0.0)
    if activation == "sigmoid":
        return 1.0 / (1.0 + np.exp(z))
    raise ValueError(activation)
