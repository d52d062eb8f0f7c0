# mistake: Divides by the number of rows
# why: It divides the sum of squares by len(diff), the number of rows, so for a matrix (N, k) the result is k times too large.
# hint: For a (2, 2) prediction there are 4 squared errors; what does len give for a 2-D array?
def mse(pred, target):
    """pred (N,) or (N, k), target of the same shape -> the mean squared error, a float."""
    diff = np.asarray(pred, dtype=float) - np.asarray(target, dtype=float)
    return float(np.sum(diff ** 2) / len(diff))
