def neuron_output(x, w, b, activation="step"):
    z = weighted_sum(x, w, b)
    return np.where(z >= 0, 1.0, 0.0)
