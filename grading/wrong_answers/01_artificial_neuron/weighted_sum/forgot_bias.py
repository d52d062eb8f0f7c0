# mistake: Forgot the bias
# why: It returns w·x without adding b, so every result is short by exactly the bias (11 instead of 16 in the check).
# hint: Compare your result with the expected one: the difference is exactly one of the arguments.
def weighted_sum(x, w, b):
    return np.asarray(x, dtype=float) @ np.asarray(w, dtype=float)
