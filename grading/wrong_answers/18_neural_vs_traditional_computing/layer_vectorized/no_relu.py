# mistake: ReLU left out
# why: The affine part is right, but without np.maximum the negative pre-activations pass through instead of becoming 0.
# hint: Does layer_loop ever return a negative number? Does yours?
def layer_vectorized(X, W, b):
    """X (N, n_in), W (n_out, n_in), b (n_out,) -> ReLU(X W^T + b), (N, n_out)."""
    return X @ W.T + b  # no ReLU
