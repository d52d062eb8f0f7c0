# mistake: Gradient 2 lam w
# why: The gradient adds 2 lam w, which is the gradient of lam ||w||², but the loss uses lam / 2 ||w||², whose gradient is lam w: loss and gradient disagree.
# hint: Loss and gradient must match: differentiate the penalty you added to the loss, including its ½.
def l2_regularized(X, y, w, b, lam):
    w = np.asarray(w, dtype=float)
    loss, grad_w, grad_b = mse_loss_and_grads(X, y, w, b)
    return loss + 0.5 * lam * np.sum(w ** 2), grad_w + 2 * lam * w, grad_b
