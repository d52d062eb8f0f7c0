# mistake: w / |w|: nan at zero
# why: w / |w| gives the sign for non-zero weights but 0 / 0 = nan where a weight is exactly 0; the subgradient there should be 0.
# hint: Try a weight of exactly 0: what does your gradient give? NumPy has a function that returns 0 for 0.
def l1_penalty_and_grad(w, lam):
    w = np.asarray(w, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return lam * np.sum(np.abs(w)), lam * w / np.abs(w)
