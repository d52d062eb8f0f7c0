def l1_penalty_and_grad(w, lam):
    w = np.asarray(w, dtype=float)
    return lam * np.sum(w), lam * np.sign(w)
