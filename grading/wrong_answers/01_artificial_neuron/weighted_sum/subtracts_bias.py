# mistake: Subtracts the bias
# why: It computes w·x - b, so the result is off by twice the bias (6 instead of 16 in the check).
# hint: Check the sign in front of b in the formula z = w·x + b.
def weighted_sum(x, w, b):
    return np.asarray(x, dtype=float) @ np.asarray(w, dtype=float) - b
