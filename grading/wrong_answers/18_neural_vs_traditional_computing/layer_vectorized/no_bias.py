# mistake: Bias left out
# why: The matrix product and the ReLU are right but b is never added, so every neuron misses its offset.
# hint: Which argument of your function is never used?
def layer_vectorized(X, W, b):
    """X (N, n_in), W (n_out, n_in), b (n_out,) -> ReLU(X W^T + b), (N, n_out)."""
    return np.maximum(X @ W.T, 0.0)  # no bias
