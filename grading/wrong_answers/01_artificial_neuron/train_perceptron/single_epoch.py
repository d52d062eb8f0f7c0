# mistake: Only one epoch
# why: It makes a single pass over the data and returns one count, ignoring epochs, so the neuron rarely has time to learn the gate.
# hint: Your errors list has one entry; the exercise asks for one entry per epoch. Is there a loop over epochs?
def train_perceptron(X, y, lr=0.1, epochs=20):
    X = np.asarray(X, dtype=float)
    w = np.zeros(X.shape[1]); b = 0.0
    mistakes = 0
    for x_i, y_i in zip(X, y):
        if (1.0 if x_i @ w + b >= 0 else 0.0) != y_i:
            mistakes += 1
        w, b = perceptron_update(w, b, x_i, y_i, lr)
    return w, b, [mistakes]
