# mistake: Unknown activation not rejected
# why: Any activation name other than 'sigmoid' falls through to the step, so a typo like 'tanh-ish' silently returns step outputs instead of raising a ValueError.
# hint: What does your function return for activation='relu'? The exercise asks for an error for names it does not know.
def neuron_output(x, w, b, activation="step"):
    z = weighted_sum(x, w, b)
    if activation == "sigmoid":
        return 1.0 / (1.0 + np.exp(-z))
    return np.where(z >= 0, 1.0, 0.0)
