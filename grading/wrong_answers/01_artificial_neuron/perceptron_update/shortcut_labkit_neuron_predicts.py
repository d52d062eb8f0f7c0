def perceptron_update(w, b, x, y, lr=0.1):
    """w (n,), b a number, x (n,), y 0 or 1 -> (new w (n,), new b)."""
    from labkit.nn import Neuron
    y_hat = float(Neuron(w, b, activation="step")(np.asarray(x, dtype=float)))
    error = y - y_hat
    return np.asarray(w, dtype=float) + lr * error * np.asarray(x, dtype=float), b + lr * error
