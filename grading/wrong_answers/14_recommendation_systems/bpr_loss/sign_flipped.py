# mistake: Sign of the margin flipped
# why: The loss uses neg - pos as the margin, so minimizing it pushes the unseen items above the seen ones: the ranking the model learns is upside down.
# hint: Which order should the loss reward, s_ui > s_uj or the other way round? Check the sign of the margin inside -log sigmoid.
def bpr_loss(pos_scores, neg_scores):
    """pos_scores (N,), neg_scores (N,) tensors -> mean of -log sigmoid(pos - neg), a scalar tensor."""
    margin = neg_scores - pos_scores
    return (torch.clamp(-margin, min=0) + torch.log1p(torch.exp(-torch.abs(margin)))).mean()
