# mistake: Error sign flipped
# why: The error is computed as prediction minus target, so every update moves the boundary away from classifying the example correctly.
# hint: After the update, recompute z for the same example: did it move towards the target's side or away from it?
def perceptron_update(w, b, x, y, lr=0.1):
    w = np.asarray(w, dtype=float); x = np.asarray(x, dtype=float)
    y_hat = 1.0 if x @ w + b >= 0 else 0.0
    error = y_hat - y
    return w + lr * error * x, b + lr * error
