def bpr_loss(pos_scores, neg_scores):
    """pos_scores (N,), neg_scores (N,) tensors -> mean of -log sigmoid(pos - neg), a scalar tensor."""
    # -log sigmoid(x) = log(exp(0) + exp(-x)) = m + log(exp(-m) + exp(-x - m)) with m = max(0, -x)
    margin = pos_scores - neg_scores
    m = torch.maximum(torch.zeros_like(margin), -margin)
    return (m + torch.log(torch.exp(-m) + torch.exp(-margin - m))).mean()
