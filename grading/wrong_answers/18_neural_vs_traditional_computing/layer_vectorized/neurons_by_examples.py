# mistake: Neurons as rows, examples as columns
# why: W @ X.T gives an (n_out, N) array, the transpose of what the loop returns, with one row per neuron instead of one row per example.
# hint: Check the shape of your result against (N, n_out): which side of the product should X be on?
def layer_vectorized(X, W, b):
    """X (N, n_in), W (n_out, n_in), b (n_out,) -> ReLU(X W^T + b), (N, n_out)."""
    return np.maximum(W @ X.T + b[:, None], 0.0)  # neurons as rows
