# mistake: Penalty without absolute values
# why: The penalty sums the weights themselves, so negative weights reduce it (and can make it negative) instead of adding their size.
# hint: A penalty on weights' size should never be negative; try w = [-2, 1]. Which function of each weight should be summed?
def l1_penalty_and_grad(w, lam):
    w = np.asarray(w, dtype=float)
    return lam * np.sum(w), lam * np.sign(w)
