# mistake: Divides by the larger norm
# why: It divides by the larger of the two norms instead of their sum, so the result is up to twice the formula's value.
# hint: Read the formula's denominator again: how are the two norms combined?
def relative_error(a, b):
    """a, b arrays of the same shape (*) -> ||a - b|| / max(||a|| + ||b||, 1e-12), a float."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    return float(np.linalg.norm(a - b) / max(np.linalg.norm(a), np.linalg.norm(b), 1e-12))
