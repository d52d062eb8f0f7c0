# mistake: Counts mistakes after the update
# why: It checks the prediction after perceptron_update has already corrected the weights, so it undercounts the mistakes the neuron actually made.
# hint: The mistake is about the prediction the neuron made before it learned from the example; in which order do you predict, count and update?
def train_perceptron(X, y, lr=0.1, epochs=20):
    X = np.asarray(X, dtype=float)
    w = np.zeros(X.shape[1]); b = 0.0; errors = []
    for _ in range(epochs):
        mistakes = 0
        for x_i, y_i in zip(X, y):
            w, b = perceptron_update(w, b, x_i, y_i, lr)
            if (1.0 if x_i @ w + b >= 0 else 0.0) != y_i:
                mistakes += 1
        errors.append(mistakes)
        if mistakes == 0:
            break
    return w, b, errors
