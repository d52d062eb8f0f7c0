# mistake: NumPy calls cut the gradient
# why: The loss converts the prediction and the matrices with np.asarray and uses np.mean and np.sum; with PyTorch tensors that require gradients this fails (or cuts the graph), so the lesson could not train with it.
# hint: Run your loss on torch tensors with requires_grad=True: use only indexing, arithmetic and the .sum() and .mean() methods that both libraries share.
def mf_predict(P, Q, user_bias, item_bias, mu, users, items):
    """P (n_users, d), Q (n_items, d), biases (n_users,), (n_items,), mu a number, users/items (N,) -> (N,)."""
    return mu + user_bias[users] + item_bias[items] + (P[users] * Q[items]).sum(-1)


def mf_loss(P, Q, user_bias, item_bias, mu, users, items, ratings, lam):
    """Mean squared error of mf_predict on the ratings + lam * (sum of P**2 + sum of Q**2)."""
    error = np.asarray(mf_predict(P, Q, user_bias, item_bias, mu, users, items)) - np.asarray(ratings)
    return np.mean(error ** 2) + lam * (np.sum(np.asarray(P) ** 2) + np.sum(np.asarray(Q) ** 2))
