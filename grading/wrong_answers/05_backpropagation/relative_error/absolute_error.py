# mistake: Absolute error, not relative
# why: It returns the norm of a - b without dividing by the size of the gradients, so large gradients look wrong and tiny ones look right.
# hint: Scale both arrays by 1e-9: a relative error should not change. Does yours?
def relative_error(a, b):
    """a, b arrays of the same shape (*) -> ||a - b|| / max(||a|| + ||b||, 1e-12), a float."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    return float(np.linalg.norm(a - b))
