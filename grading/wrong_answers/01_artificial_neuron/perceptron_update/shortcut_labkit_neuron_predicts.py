# mistake: Calls the library's Neuron
# why: The exercise asks for your own perceptron update; predicting with labkit.nn.Neuron hands part of it to the library.
# hint: Compute the prediction yourself with NumPy: the step of w·x + b, as in Exercise 2.
def perceptron_update(w, b, x, y, lr=0.1):
    """w (n,), b a number, x (n,), y 0 or 1 -> (new w (n,), new b)."""
    from labkit.nn import Neuron
    y_hat = float(Neuron(w, b, activation="step")(np.asarray(x, dtype=float)))
    error = y - y_hat
    return np.asarray(w, dtype=float) + lr * error * np.asarray(x, dtype=float), b + lr * error
