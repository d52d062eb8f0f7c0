# mistake: Multiplies by 1 - p
# why: Kept values are multiplied by the keep probability instead of divided by it, so the output's average shrinks to (1 - p)² of the input.
# hint: Inverted dropout makes up for the dropped values; should the kept ones get larger or smaller?
def dropout_forward(x, p, training, rng):
    x = np.asarray(x, dtype=float)
    if not training:
        return x
    return x * (rng.random(x.shape) >= p) * (1 - p)
