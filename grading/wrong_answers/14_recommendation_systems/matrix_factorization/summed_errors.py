# mistake: Squared errors summed, not averaged
# why: The squared errors are summed, so the error term grows with the batch size and outweighs the penalty; the loss uses their mean.
# hint: Reread the 1/N in front of the error sum in the loss formula.
def mf_predict(P, Q, user_bias, item_bias, mu, users, items):
    """P (n_users, d), Q (n_items, d), biases (n_users,), (n_items,), mu a number, users/items (N,) -> (N,)."""
    return mu + user_bias[users] + item_bias[items] + (P[users] * Q[items]).sum(-1)


def mf_loss(P, Q, user_bias, item_bias, mu, users, items, ratings, lam):
    """Mean squared error of mf_predict on the ratings + lam * (sum of P**2 + sum of Q**2)."""
    error = mf_predict(P, Q, user_bias, item_bias, mu, users, items) - ratings
    return (error ** 2).sum() + lam * ((P ** 2).sum() + (Q ** 2).sum())
