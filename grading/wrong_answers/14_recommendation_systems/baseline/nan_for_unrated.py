# mistake: NaN for items or users without ratings
# why: The mean over an empty selection is NaN, so items and users without a training rating get NaN biases instead of 0.
# hint: Look at item 3 and user 3, who have no ratings: what does np.mean of an empty array give? The rules say what their bias should be.
def baseline_biases(users, items, ratings, n_users, n_items):
    """Training ratings (three arrays (N,)) -> (mu, user_bias (n_users,), item_bias (n_items,))."""
    users, items = np.asarray(users), np.asarray(items)
    ratings = np.asarray(ratings, dtype=float)
    mu = float(ratings.mean())
    item_bias = np.array([np.mean(ratings[items == i] - mu) for i in range(n_items)])
    user_bias = np.array([np.mean(ratings[users == u] - mu - item_bias[items[users == u]]) for u in range(n_users)])
    return mu, user_bias, item_bias
