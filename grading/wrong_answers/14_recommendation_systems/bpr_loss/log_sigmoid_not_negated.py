# mistake: Returns log sigmoid, the quantity to maximize
# why: BPR maximizes the mean of log sigmoid(pos - neg); a loss to minimize is its negative, so this one trains the ranking backwards.
# hint: Is your loss positive? -log of a probability always is.
def bpr_loss(pos_scores, neg_scores):
    """pos_scores (N,), neg_scores (N,) tensors -> mean of -log sigmoid(pos - neg), a scalar tensor."""
    margin = pos_scores - neg_scores
    return -(torch.clamp(-margin, min=0) + torch.log1p(torch.exp(-torch.abs(margin)))).mean()
