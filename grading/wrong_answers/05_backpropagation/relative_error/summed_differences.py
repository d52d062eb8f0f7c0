# mistake: Sums the differences
# why: The numerator is the sum of a - b, where positive and negative differences cancel (and the result can be negative), instead of the norm of a - b.
# hint: Try a = [1, 0], b = [0, 1]: the arrays differ but the sum of their differences is 0. What does the formula take of a - b?
def relative_error(a, b):
    """a, b arrays of the same shape (*) -> ||a - b|| / max(||a|| + ||b||, 1e-12), a float."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    scale = max(np.linalg.norm(a) + np.linalg.norm(b), 1e-12)
    return float(np.sum(a - b) / scale)
