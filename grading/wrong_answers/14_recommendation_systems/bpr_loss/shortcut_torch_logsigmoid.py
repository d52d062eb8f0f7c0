# mistake: Calls torch's logsigmoid
# why: The exercise asks you to write the stable formula yourself; torch.nn.functional.logsigmoid computes it for you, so the check refuses it.
# hint: Write -log sigmoid(x) as max(-x, 0) + log(1 + exp(-|x|)) with torch.clamp, torch.log1p, torch.exp and torch.abs.
def bpr_loss(pos_scores, neg_scores):
    """pos_scores (N,), neg_scores (N,) tensors -> mean of -log sigmoid(pos - neg), a scalar tensor."""
    import torch.nn.functional as F

    return -F.logsigmoid(pos_scores - neg_scores).mean()
