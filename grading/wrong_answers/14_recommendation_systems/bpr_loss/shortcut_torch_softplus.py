# mistake: Calls torch's softplus
# why: softplus(neg - pos) is exactly -log sigmoid(pos - neg), computed stably by torch.nn.functional; the exercise asks you to write it.
# hint: Write log(1 + exp(-x)) yourself, so that exp only ever sees a number <= 0.
def bpr_loss(pos_scores, neg_scores):
    """pos_scores (N,), neg_scores (N,) tensors -> mean of -log sigmoid(pos - neg), a scalar tensor."""
    return torch.nn.functional.softplus(neg_scores - pos_scores).mean()
