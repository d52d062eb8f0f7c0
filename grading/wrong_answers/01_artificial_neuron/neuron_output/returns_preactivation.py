def neuron_output(x, w, b, activation="step"):
    return weighted_sum(x, w, b)
