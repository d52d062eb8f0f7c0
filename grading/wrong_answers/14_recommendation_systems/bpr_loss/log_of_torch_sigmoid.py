# mistake: log(torch.sigmoid(x)) underflows
# why: torch.sigmoid(-1000) is exactly 0, and log(0) = -inf, so the loss is inf for large margins even though the formula is right on paper.
# hint: Take the log analytically first: -log sigmoid(x) = log(1 + exp(-x)), then make it safe for large negative x.
def bpr_loss(pos_scores, neg_scores):
    """pos_scores (N,), neg_scores (N,) tensors -> mean of -log sigmoid(pos - neg), a scalar tensor."""
    return -torch.log(torch.sigmoid(pos_scores - neg_scores)).mean()
