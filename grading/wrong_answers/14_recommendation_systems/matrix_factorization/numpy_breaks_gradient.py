def mf_predict(P, Q, user_bias, item_bias, mu, users, items):
    """P (n_users, d), Q (n_items, d), biases (n_users,), (n_items,), mu a number, users/items (N,) -> (N,)."""
    return mu + user_bias[users] + item_bias[items] + (P[users] * Q[items]).sum(-1)


def mf_loss(P, Q, user_bias, item_bias, mu, users, items, ratings, lam):
    """Mean squared error of mf_predict on the ratings + lam * (sum of P**2 + sum of Q**2)."""
    error = np.asarray(mf_predict(P, Q, user_bias, item_bias, mu, users, items)) - np.asarray(ratings)
    return np.mean(error ** 2) + lam * (np.sum(np.asarray(P) ** 2) + np.sum(np.asarray(Q) ** 2))
