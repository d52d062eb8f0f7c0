# mistake: Ignores the activation argument
# why: It always applies the step, so activation='sigmoid' also returns 0 or 1 instead of a value between 0 and 1.
# hint: Call it with activation='sigmoid': does the argument change anything in your code?
def neuron_output(x, w, b, activation="step"):
    z = weighted_sum(x, w, b)
    return np.where(z >= 0, 1.0, 0.0)
