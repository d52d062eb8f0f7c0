# mistake: Reversed sort breaks ties
# why: Sorting ascending and reversing puts items with equal scores in descending id order, so ties go to the larger id instead of the smaller.
# hint: Try scores [3, 3, 3, 1]: which id comes first in your list? Sort in a way that keeps equal scores in id order.
def recommend(scores, rated, k):
    """scores (n_users, n_items), rated (n_users, n_items) bool, k -> (n_users, k) item ids, best first."""
    masked = np.where(rated, -np.inf, np.asarray(scores, dtype=float))
    return np.argsort(masked, axis=1, kind="stable")[:, ::-1][:, :k]
