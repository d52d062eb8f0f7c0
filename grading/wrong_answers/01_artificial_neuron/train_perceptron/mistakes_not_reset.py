# mistake: Mistake count never reset
# why: The counter starts once before the epoch loop, so each epoch's entry in errors is a running total instead of that epoch's mistakes, and it never returns to 0.
# hint: Look at your errors list: does it ever decrease? Where should the count start again from zero?
def train_perceptron(X, y, lr=0.1, epochs=20):
    X = np.asarray(X, dtype=float)
    w = np.zeros(X.shape[1]); b = 0.0; errors = []
    mistakes = 0
    for _ in range(epochs):
        for x_i, y_i in zip(X, y):
            if (1.0 if x_i @ w + b >= 0 else 0.0) != y_i:
                mistakes += 1
            w, b = perceptron_update(w, b, x_i, y_i, lr)
        errors.append(mistakes)
        if mistakes == 0:
            break
    return w, b, errors
