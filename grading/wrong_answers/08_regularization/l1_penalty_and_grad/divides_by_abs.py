def l1_penalty_and_grad(w, lam):
    w = np.asarray(w, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return lam * np.sum(np.abs(w)), lam * w / np.abs(w)
