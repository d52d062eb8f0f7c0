# mistake: Returns z, not the activation
# why: It returns the weighted sum z itself (for example -1) without passing it through the step or the sigmoid.
# hint: A neuron's output goes through the activation after the weighted sum; is that second step in your function?
def neuron_output(x, w, b, activation="step"):
    return weighted_sum(x, w, b)
