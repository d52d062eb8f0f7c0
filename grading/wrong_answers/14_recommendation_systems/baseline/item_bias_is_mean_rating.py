# mistake: Item bias is the mean rating
# why: The item bias is set to the item's mean rating instead of its mean of rating minus mu, so every item bias is about mu too large and the user biases absorb the error.
# hint: A bias says how much better than average an item is rated: should a typical item have a bias near 0 or near 3.4?
def baseline_biases(users, items, ratings, n_users, n_items):
    """Training ratings (three arrays (N,)) -> (mu, user_bias (n_users,), item_bias (n_items,))."""
    users, items = np.asarray(users), np.asarray(items)
    ratings = np.asarray(ratings, dtype=float)
    mu = float(ratings.mean())
    item_bias = np.zeros(n_items)
    for i in range(n_items):
        if np.any(items == i):
            item_bias[i] = np.mean(ratings[items == i])
    user_bias = np.zeros(n_users)
    for u in range(n_users):
        if np.any(users == u):
            user_bias[u] = np.mean(ratings[users == u] - mu - item_bias[items[users == u]])
    return mu, user_bias, item_bias
