# mistake: Calls the library's MatrixFactorization model
# why: The exercise asks for your own prediction written with indexing and arithmetic; labkit.models.MatrixFactorization computes it for you, so the check refuses it.
# hint: Index the rows of P, Q and the biases with users and items, and add mu, the biases and the row-wise dot product.
def mf_predict(P, Q, user_bias, item_bias, mu, users, items):
    """P (n_users, d), Q (n_items, d), biases (n_users,), (n_items,), mu a number, users/items (N,) -> (N,)."""
    import torch
    from labkit.models import MatrixFactorization
    model = MatrixFactorization(len(P), len(Q), dim=P.shape[1], global_mean=float(mu)).double()
    with torch.no_grad():
        for table, value in ((model.user_factors, P), (model.item_factors, Q),
                             (model.user_bias, user_bias[:, None]), (model.item_bias, item_bias[:, None])):
            table.weight.copy_(torch.as_tensor(value))
    out = model(torch.as_tensor(users), torch.as_tensor(items))
    return out.detach().numpy() if isinstance(P, np.ndarray) else out


def mf_loss(P, Q, user_bias, item_bias, mu, users, items, ratings, lam):
    """Mean squared error of mf_predict on the ratings + lam * (sum of P**2 + sum of Q**2)."""
    error = mf_predict(P, Q, user_bias, item_bias, mu, users, items) - ratings
    return (error ** 2).mean() + lam * ((P ** 2).sum() + (Q ** 2).sum())
