# mistake: Strict threshold at z = 0
# why: The step fires only for z > 0, so at exactly z = 0 it outputs 0, but the lesson's convention is step(0) = 1.
# hint: Compute the output for an input with z exactly 0: the lesson says the step fires there. Compare > with >=.
def neuron_output(x, w, b, activation="step"):
    z = weighted_sum(x, w, b)
    if activation == "step":
        return np.where(z > 0, 1.0, 0.0)
    if activation == "sigmoid":
        return 1.0 / (1.0 + np.exp(-z))
    raise ValueError(activation)
