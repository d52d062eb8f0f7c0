# mistake: +lam at w = 0
# why: np.where(w >= 0, ...) gives +lam for a weight of exactly 0, but the subgradient chosen there is 0.
# hint: Try a weight of exactly 0: the gradient should be 0. Which function returns -1, 0 or 1?
def l1_penalty_and_grad(w, lam):
    w = np.asarray(w, dtype=float)
    return lam * np.sum(np.abs(w)), lam * np.where(w >= 0, 1.0, -1.0)
