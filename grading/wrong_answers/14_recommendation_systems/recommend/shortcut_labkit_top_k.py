# mistake: Calls the library's labkit top_k
# why: The exercise asks for your own top-k written with NumPy; labkit.recommend.top_k is the course's implementation, so the check refuses it.
# hint: Hide the rated items, then sort each row with NumPy's argsort and keep the first k.
def recommend(scores, rated, k):
    """scores (n_users, n_items), rated (n_users, n_items) bool, k -> (n_users, k) item ids, best first."""
    from labkit.recommend import top_k

    return top_k(np.asarray(scores, dtype=float), k, exclude=np.asarray(rated, dtype=bool))
