# mistake: Penalizes the bias
# why: b² is added to the penalty and lam b to the bias gradient, but the bias only shifts the output and is not regularized.
# hint: Which parameters does the penalty ||w||² cover? The bias's gradient should be the plain MSE one.
def l2_regularized(X, y, w, b, lam):
    w = np.asarray(w, dtype=float)
    loss, grad_w, grad_b = mse_loss_and_grads(X, y, w, b)
    return loss + 0.5 * lam * (np.sum(w ** 2) + b ** 2), grad_w + lam * w, grad_b + lam * b
