# mistake: Global mean mu left out
# why: The prediction adds the two biases and the dot product but not mu, so every prediction is about 3 stars too low.
# hint: Your predictions are all off by the same amount: compare with the four terms of the prediction formula.
def mf_predict(P, Q, user_bias, item_bias, mu, users, items):
    """P (n_users, d), Q (n_items, d), biases (n_users,), (n_items,), mu a number, users/items (N,) -> (N,)."""
    return user_bias[users] + item_bias[items] + (P[users] * Q[items]).sum(-1)


def mf_loss(P, Q, user_bias, item_bias, mu, users, items, ratings, lam):
    """Mean squared error of mf_predict on the ratings + lam * (sum of P**2 + sum of Q**2)."""
    error = mf_predict(P, Q, user_bias, item_bias, mu, users, items) - ratings
    return (error ** 2).mean() + lam * ((P ** 2).sum() + (Q ** 2).sum())
