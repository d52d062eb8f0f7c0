# mistake: Changes the caller's w in place
# why: w += ... writes into the array that was passed in, so the caller's weights change too; the exercise asks for a new array.
# hint: Print the w you passed in after the call: it should be unchanged. Compare the two ways of adding to an array.
def perceptron_update(w, b, x, y, lr=0.1):
    x = np.asarray(x, dtype=float)
    y_hat = 1.0 if x @ w + b >= 0 else 0.0
    error = y - y_hat
    w += lr * error * x
    return w, b + lr * error
