# mistake: No early stop
# why: Training always runs all epochs, so errors ends with a tail of zeros instead of stopping after the first epoch with no mistakes.
# hint: On AND your errors list should end at the first 0; what should the loop do once an epoch has no mistakes?
def train_perceptron(X, y, lr=0.1, epochs=20):
    X = np.asarray(X, dtype=float)
    w = np.zeros(X.shape[1]); b = 0.0; errors = []
    for _ in range(epochs):
        mistakes = 0
        for x_i, y_i in zip(X, y):
            if (1.0 if x_i @ w + b >= 0 else 0.0) != y_i:
                mistakes += 1
            w, b = perceptron_update(w, b, x_i, y_i, lr)
        errors.append(mistakes)
    return w, b, errors
