# mistake: Absolute error, not squared
# why: The loop averages the absolute differences (the mean absolute error) instead of their squares.
# hint: With errors 0, 0 and 2, the MSE is 4/3, not 2/3; which operation did you apply to each difference?
def mse(pred, target):
    """The absolute-error mistake again, written as a Python loop over the entries."""
    total, count = 0.0, 0
    for p, t in zip(np.ravel(pred), np.ravel(target)):
        total += abs(float(p) - float(t))
        count += 1
    return total / count
