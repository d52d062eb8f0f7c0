# mistake: log of a naive sigmoid overflows
# why: sigmoid(x) = 1 / (1 + exp(-x)) is exactly 0 in floating point for a margin of -1000 (exp(1000) is inf), and log(0) = -inf, so the loss is inf for large margins.
# hint: Try pos_scores = [-1000.], neg_scores = [0.]: where does an inf appear? Rewrite -log sigmoid(x) so that exp only sees numbers <= 0.
def bpr_loss(pos_scores, neg_scores):
    """pos_scores (N,), neg_scores (N,) tensors -> mean of -log sigmoid(pos - neg), a scalar tensor."""
    margin = pos_scores - neg_scores
    return -torch.log(1 / (1 + torch.exp(-margin))).mean()
