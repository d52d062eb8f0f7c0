# mistake: Divides by p, not 1 - p
# why: Kept values are divided by the drop probability p instead of the keep probability 1 - p, so with p = 0.25 they are scaled by 4 instead of 4/3.
# hint: Average many dropout outputs of an array of ones: the mean should stay about 1. Which probability makes that true?
def dropout_forward(x, p, training, rng):
    x = np.asarray(x, dtype=float)
    if not training:
        return x
    return x * (rng.random(x.shape) >= p) / p
