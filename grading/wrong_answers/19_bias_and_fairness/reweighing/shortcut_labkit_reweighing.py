# mistake: Calls the library's labkit reweighing_weights
# why: The exercise asks for your own reweighing weights with NumPy; labkit.ethics.fairness.reweighing_weights computes them for you, so the check refuses it.
# hint: Loop over the (group, label) combinations, estimate the three probabilities by counting, and fill in the weights of that cell.
import labkit.ethics as ethics


def reweighing_weights(labels, groups):
    """labels (N,) 0/1, groups (N,) -> weights (N,): P(g) P(y) / P(g, y) of each example's (g, y)."""
    return ethics.fairness.reweighing_weights(np.asarray(labels), groups=np.asarray(groups))
