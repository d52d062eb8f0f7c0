# mistake: Learning rate left out
# why: The update adds error * x without multiplying by lr, so each step is 1/lr times too big (10 times for lr = 0.1).
# hint: Compare your new w with the old one for lr = 0.1: the step should be a tenth of error times x. Where is lr used?
def perceptron_update(w, b, x, y, lr=0.1):
    w = np.asarray(w, dtype=float); x = np.asarray(x, dtype=float)
    y_hat = 1.0 if x @ w + b >= 0 else 0.0
    error = y - y_hat
    return w + error * x, b + error
