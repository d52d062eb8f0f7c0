# mistake: Summed over the triples, not averaged
# why: The loss sums -log sigmoid over the triples, so it (and its gradient) grows with the batch size; the exercise asks for the mean.
# hint: Compare your loss for a batch and for the same batch repeated twice: it should not change.
def bpr_loss(pos_scores, neg_scores):
    """pos_scores (N,), neg_scores (N,) tensors -> mean of -log sigmoid(pos - neg), a scalar tensor."""
    margin = pos_scores - neg_scores
    return (torch.clamp(-margin, min=0) + torch.log1p(torch.exp(-torch.abs(margin)))).sum()
