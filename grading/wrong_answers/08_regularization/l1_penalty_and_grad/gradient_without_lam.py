# mistake: Gradient missing lam
# why: The gradient is the sign of w alone, not multiplied by lam, so it is 1/lam times too large.
# hint: The penalty is multiplied by lam; its gradient must be too. Call it with lam = 0: the gradient should vanish.
def l1_penalty_and_grad(w, lam):
    w = np.asarray(w, dtype=float)
    return lam * np.sum(np.abs(w)), np.sign(w)
