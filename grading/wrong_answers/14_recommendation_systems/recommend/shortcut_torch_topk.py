# mistake: Calls the library's torch.topk
# why: The exercise asks for your own top-k written with NumPy; torch.topk picks the items for you (and does not promise the tie order), so the check refuses it.
# hint: Hide the rated items, then sort each row with NumPy's argsort and keep the first k.
def recommend(scores, rated, k):
    """scores (n_users, n_items), rated (n_users, n_items) bool, k -> (n_users, k) item ids, best first."""
    import torch
    masked = torch.as_tensor(np.where(rated, -np.inf, np.asarray(scores, dtype=float)))
    return torch.topk(masked, k, dim=1).indices.numpy()
