# mistake: Bias added after the ReLU
# why: The ReLU is applied to X W^T alone and the bias is added afterwards, so negative pre-activations that the bias would lift above 0 are lost, and outputs can be negative.
# hint: Can your layer return a negative number? Check the order of the bias and the ReLU against layer_loop.
def layer_vectorized(X, W, b):
    """X (N, n_in), W (n_out, n_in), b (n_out,) -> ReLU(X W^T + b), (N, n_out)."""
    return np.maximum(X @ W.T, 0.0) + b  # bias after the ReLU
