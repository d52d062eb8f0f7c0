def l1_penalty_and_grad(w, lam):
    w = np.asarray(w, dtype=float)
    return lam * np.sum(np.abs(w)), lam * np.where(w >= 0, 1.0, -1.0)
