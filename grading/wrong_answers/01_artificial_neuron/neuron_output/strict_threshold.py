def neuron_output(x, w, b, activation="step"):
    z = weighted_sum(x, w, b)
    if activation == "step":
        return np.where(z > 0, 1.0, 0.0)
    if activation == "sigmoid":
        return 1.0 / (1.0 + np.exp(-z))
    raise ValueError(activation)
