# mistake: Penalises the batch rows, not the matrices
# why: The penalty sums the squares of P[users] and Q[items], so rows that appear several times in the batch are penalised several times and unused rows not at all; the loss penalises all of P and Q once.
# hint: With user 2 in the batch twice, how often does its vector enter your penalty? The formula's norms are over the whole matrices.
def mf_predict(P, Q, user_bias, item_bias, mu, users, items):
    """P (n_users, d), Q (n_items, d), biases (n_users,), (n_items,), mu a number, users/items (N,) -> (N,)."""
    return mu + user_bias[users] + item_bias[items] + (P[users] * Q[items]).sum(-1)


def mf_loss(P, Q, user_bias, item_bias, mu, users, items, ratings, lam):
    """Mean squared error of mf_predict on the ratings + lam * (sum of P**2 + sum of Q**2)."""
    error = mf_predict(P, Q, user_bias, item_bias, mu, users, items) - ratings
    return (error ** 2).mean() + lam * ((P[users] ** 2).sum() + (Q[items] ** 2).sum())
