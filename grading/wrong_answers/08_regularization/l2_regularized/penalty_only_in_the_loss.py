def l2_regularized(X, y, w, b, lam):
    w = np.asarray(w, dtype=float)
    loss, grad_w, grad_b = mse_loss_and_grads(X, y, w, b)
    return loss + 0.5 * lam * np.sum(w ** 2), grad_w, grad_b
