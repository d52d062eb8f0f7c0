# mistake: No rescaling
# why: Kept values are left as they are, so the output's average is only 1 - p times the input's, and evaluation (no dropout) would see larger values than training.
# hint: Average many outputs on an array of ones: is the mean still about 1? What should happen to the kept values?
def dropout_forward(x, p, training, rng):
    x = np.asarray(x, dtype=float)
    if not training:
        return x
    return x * (rng.random(x.shape) >= p)
