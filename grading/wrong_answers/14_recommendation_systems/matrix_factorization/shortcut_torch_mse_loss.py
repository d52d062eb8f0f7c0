# mistake: Calls the library's torch mse_loss
# why: The exercise asks for your own regularised loss written with arithmetic; torch's mse_loss computes the error term for you, so the check refuses it.
# hint: Square the differences and take .mean() yourself, then add the penalty.
def mf_predict(P, Q, user_bias, item_bias, mu, users, items):
    """P (n_users, d), Q (n_items, d), biases (n_users,), (n_items,), mu a number, users/items (N,) -> (N,)."""
    return mu + user_bias[users] + item_bias[items] + (P[users] * Q[items]).sum(-1)


def mf_loss(P, Q, user_bias, item_bias, mu, users, items, ratings, lam):
    """Mean squared error of mf_predict on the ratings + lam * (sum of P**2 + sum of Q**2)."""
    import torch

    t = lambda a: torch.as_tensor(a)
    error = torch.nn.functional.mse_loss(t(mf_predict(P, Q, user_bias, item_bias, mu, users, items)), t(ratings))
    return error + lam * ((P ** 2).sum() + (Q ** 2).sum())
