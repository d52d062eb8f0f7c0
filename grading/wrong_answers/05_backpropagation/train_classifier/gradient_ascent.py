# mistake: Gradient ascent: step sign flipped
# why: Every update adds lr times the gradient, which climbs the loss instead of descending it, so accuracy stays at chance or worse.
# hint: The gradient points uphill; which direction should a step go to make the loss smaller?
def train_classifier(X, y, hidden=32, epochs=15, lr=0.5, batch_size=32, seed=0):
    """X (N, n_in), y (N,) labels 0..9 -> {"W1" (hidden, n_in), "b1" (hidden,), "W2" (10, hidden), "b2" (10,)}."""
    rng = np.random.default_rng(seed)
    n_in = X.shape[1]
    W1 = rng.normal(0, 1 / np.sqrt(n_in), (hidden, n_in))
    W2 = rng.normal(0, 1 / np.sqrt(hidden), (10, hidden))
    b1, b2 = np.zeros(hidden), np.zeros(10)
    for _ in range(epochs):
        order = rng.permutation(len(X))
        for start in range(0, len(X), batch_size):
            index = order[start:start + batch_size]
            x = X[index]
            h = np.tanh(x @ W1.T + b1)
            logits = h @ W2.T + b2
            grad_logits = cross_entropy_grad(logits, y[index])
            grad_h, dW2, db2 = linear_backward(h, W2, grad_logits)
            grad_z = grad_h * (1 - h ** 2)
            _, dW1, db1 = linear_backward(x, W1, grad_z)
            W1, b1 = W1 + lr * dW1, b1 + lr * db1
            W2, b2 = W2 + lr * dW2, b2 + lr * db2
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
