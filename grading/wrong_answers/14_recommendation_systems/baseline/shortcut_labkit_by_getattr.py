# mistake: Calls the library's baseline_biases via getattr
# why: The exercise asks for your own baseline predictor; reaching labkit.recommend's implementation through getattr is still calling the library, so the check refuses it.
# hint: Follow the three rules with NumPy: the global mean, a loop over items, then a loop over users.
def baseline_biases(users, items, ratings, n_users, n_items):
    """Training ratings (three arrays (N,)) -> (mu, user_bias (n_users,), item_bias (n_items,))."""
    # labkit's reference, reached through the recommend module's namespace
    import labkit.recommend as rec

    fit = getattr(rec, "baseline_" + "biases")
    return fit(users, items, ratings, n_users, n_items)
