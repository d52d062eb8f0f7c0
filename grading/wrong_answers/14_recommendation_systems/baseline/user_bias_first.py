# mistake: User bias fitted before the item bias
# why: The user biases are computed first from r - mu and the item biases then remove them; the lesson fits the item bias first, so a user who rates only great films is not called generous.
# hint: Reread the order of the rules: which bias uses r - mu alone, and which one removes the other bias?
def baseline_biases(users, items, ratings, n_users, n_items):
    """Training ratings (three arrays (N,)) -> (mu, user_bias (n_users,), item_bias (n_items,))."""
    users, items = np.asarray(users), np.asarray(items)
    ratings = np.asarray(ratings, dtype=float)
    mu = float(ratings.mean())
    user_bias = np.zeros(n_users)
    for u in range(n_users):
        if np.any(users == u):
            user_bias[u] = np.mean(ratings[users == u] - mu)
    item_bias = np.zeros(n_items)
    for i in range(n_items):
        if np.any(items == i):
            item_bias[i] = np.mean(ratings[items == i] - mu - user_bias[users[items == i]])
    return mu, user_bias, item_bias
