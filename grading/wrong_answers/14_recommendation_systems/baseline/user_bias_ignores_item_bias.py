# mistake: User bias ignores the item bias
# why: The user bias averages r - mu, without removing the bias of the items the user rated, so a user who only rates great films looks generous.
# hint: Compare your user bias with the third rule: which term should be removed from each rating besides mu?
def baseline_biases(users, items, ratings, n_users, n_items):
    """Training ratings (three arrays (N,)) -> (mu, user_bias (n_users,), item_bias (n_items,))."""
    users, items = np.asarray(users), np.asarray(items)
    ratings = np.asarray(ratings, dtype=float)
    mu = float(ratings.mean())
    item_bias = np.zeros(n_items)
    for i in range(n_items):
        if np.any(items == i):
            item_bias[i] = np.mean(ratings[items == i] - mu)
    user_bias = np.zeros(n_users)
    for u in range(n_users):
        if np.any(users == u):
            user_bias[u] = np.mean(ratings[users == u] - mu)
    return mu, user_bias, item_bias
