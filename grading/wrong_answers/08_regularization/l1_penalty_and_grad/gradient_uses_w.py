# mistake: L2's gradient used for L1
# why: The gradient is lam times w, which belongs to the L2 penalty; the L1 penalty's slope has constant size lam whatever the weight's size.
# hint: Draw lam |w|: its slope is the same for w = 0.5 and w = 3. What does your gradient give for those two?
def l1_penalty_and_grad(w, lam):
    w = np.asarray(w, dtype=float)
    return lam * np.sum(np.abs(w)), lam * w
