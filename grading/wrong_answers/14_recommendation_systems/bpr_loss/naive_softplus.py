# mistake: log1p(exp(-x)) without the max trick
# why: log(1 + exp(-x)) is the right formula, but exp(-x) is inf for a margin of -1000, so the loss is inf; the identity max(-x, 0) + log(1 + exp(-|x|)) avoids it.
# hint: Split off max(-x, 0) so that the exponent is always -|x|.
def bpr_loss(pos_scores, neg_scores):
    """pos_scores (N,), neg_scores (N,) tensors -> mean of -log sigmoid(pos - neg), a scalar tensor."""
    return torch.log1p(torch.exp(neg_scores - pos_scores)).mean()
