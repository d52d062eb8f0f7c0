# mistake: Calls the library's labkit baseline_biases
# why: The exercise asks for your own baseline predictor written with NumPy; labkit.recommend.baseline_biases is the course's implementation, so the check refuses it.
# hint: Follow the three rules with NumPy: the global mean, a loop over items, then a loop over users.
def baseline_biases(users, items, ratings, n_users, n_items):
    """Training ratings (three arrays (N,)) -> (mu, user_bias (n_users,), item_bias (n_items,))."""
    users, items = np.asarray(users), np.asarray(items)
    ratings = np.asarray(ratings, dtype=float)
    mu = float(ratings.mean())
    from labkit.recommend import baseline_biases as library_baseline
    return library_baseline(users, items, ratings, n_users, n_items)
