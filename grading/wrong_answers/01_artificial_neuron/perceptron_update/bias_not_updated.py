# mistake: Bias not updated
# why: The weights follow the rule but the bias is returned unchanged, so the boundary can turn but never slide.
# hint: The rule has two updates, one for w and one for b; check that your returned b can change when the prediction is wrong.
def perceptron_update(w, b, x, y, lr=0.1):
    w = np.asarray(w, dtype=float); x = np.asarray(x, dtype=float)
    y_hat = 1.0 if x @ w + b >= 0 else 0.0
    error = y - y_hat
    return w + lr * error * x, b
