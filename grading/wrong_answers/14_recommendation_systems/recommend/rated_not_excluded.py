def recommend(scores, rated, k):
    """scores (n_users, n_items), rated (n_users, n_items) bool, k -> (n_users, k) item ids, best first."""
    return np.argsort(-np.asarray(scores, dtype=float), axis=1, kind="stable")[:, :k]
