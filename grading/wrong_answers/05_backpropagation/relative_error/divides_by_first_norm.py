# mistake: Divides by the first norm only
# why: It divides by the norm of a alone, so the result depends on the order of the arguments and is not the formula's sum of both norms.
# hint: Swap a and b: the relative error should be the same. Compare your denominator with the formula's.
def relative_error(a, b):
    """a, b arrays of the same shape (*) -> ||a - b|| / max(||a|| + ||b||, 1e-12), a float."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    return float(np.linalg.norm(a - b) / max(np.linalg.norm(a), 1e-12))
