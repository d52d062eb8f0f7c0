# mistake: W not transposed
# why: X @ W multiplies (N, n_in) by (n_out, n_in); the inner dimensions do not match, so the call fails (and with a square W it would silently mix up the neurons).
# hint: Write out the shapes of X and W: which orientation of W lines up n_in with n_in?
def layer_vectorized(X, W, b):
    """X (N, n_in), W (n_out, n_in), b (n_out,) -> ReLU(X W^T + b), (N, n_out)."""
    return np.maximum(X @ W + b, 0.0)  # W not transposed
