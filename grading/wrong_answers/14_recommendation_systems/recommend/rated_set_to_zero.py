def recommend(scores, rated, k):
    """scores (n_users, n_items), rated (n_users, n_items) bool, k -> (n_users, k) item ids, best first."""
    masked = np.where(rated, 0.0, np.asarray(scores, dtype=float))
    return np.argsort(-masked, axis=1, kind="stable")[:, :k]
