# mistake: No floor: 0 / 0
# why: Without the 1e-12 floor in the denominator, two zero gradients give 0 / 0 = nan instead of 0.
# hint: Try relative_error([0, 0], [0, 0]): what does your function divide by?
def relative_error(a, b):
    """a, b arrays of the same shape (*) -> ||a - b|| / max(||a|| + ||b||, 1e-12), a float."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    return float(np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b)))
