def recommend(scores, rated, k):
    """scores (n_users, n_items), rated (n_users, n_items) bool, k -> (n_users, k) item ids, best first."""
    import torch
    masked = torch.as_tensor(np.where(rated, -np.inf, np.asarray(scores, dtype=float)))
    return torch.topk(masked, k, dim=1).indices.numpy()
