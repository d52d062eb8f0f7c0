def relative_error(a, b):
    """a, b arrays of the same shape (*) -> ||a - b|| / max(||a|| + ||b||, 1e-12), a float."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    return float(np.linalg.norm(a - b))
