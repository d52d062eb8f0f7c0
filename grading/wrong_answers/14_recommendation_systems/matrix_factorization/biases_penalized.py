# mistake: Biases penalised too
# why: The L2 penalty also includes the user and item biases, but the loss penalises only the embeddings P and Q.
# hint: Reread the loss formula: which parameters appear inside the penalty?
def mf_predict(P, Q, user_bias, item_bias, mu, users, items):
    """P (n_users, d), Q (n_items, d), biases (n_users,), (n_items,), mu a number, users/items (N,) -> (N,)."""
    return mu + user_bias[users] + item_bias[items] + (P[users] * Q[items]).sum(-1)


def mf_loss(P, Q, user_bias, item_bias, mu, users, items, ratings, lam):
    """Mean squared error of mf_predict on the ratings + lam * (sum of P**2 + sum of Q**2)."""
    error = mf_predict(P, Q, user_bias, item_bias, mu, users, items) - ratings
    return (error ** 2).mean() + lam * ((P ** 2).sum() + (Q ** 2).sum() + (user_bias ** 2).sum() + (item_bias ** 2).sum())
