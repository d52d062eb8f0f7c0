# mistake: Gradient missing lam
# why: The gradient adds w itself instead of lam times w, so the penalty's slope ignores the strength lam.
# hint: Call it with lam = 0: the gradient should be the plain MSE gradient. Is it?
def l2_regularized(X, y, w, b, lam):
    w = np.asarray(w, dtype=float)
    loss, grad_w, grad_b = mse_loss_and_grads(X, y, w, b)
    return loss + 0.5 * lam * np.sum(w ** 2), grad_w + w, grad_b
