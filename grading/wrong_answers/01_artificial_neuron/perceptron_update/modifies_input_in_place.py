def perceptron_update(w, b, x, y, lr=0.1):
    x = np.asarray(x, dtype=float)
    y_hat = 1.0 if x @ w + b >= 0 else 0.0
    error = y - y_hat
    w += lr * error * x
    return w, b + lr * error
