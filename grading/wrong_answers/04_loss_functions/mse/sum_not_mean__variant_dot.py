# mistake: Sum instead of mean
# why: The dot product of the differences with themselves is the sum of the squared errors; it is never divided by the number of entries.
# hint: The expected value is your result divided by the number of entries; which step is missing?
def mse(pred, target):
    """The sum-instead-of-mean mistake again, written with a dot product."""
    diff = (np.asarray(pred, dtype=float) - np.asarray(target, dtype=float)).ravel()
    return float(diff @ diff)
