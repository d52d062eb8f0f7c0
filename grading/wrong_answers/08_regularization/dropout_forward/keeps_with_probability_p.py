# mistake: Keeps with probability p
# why: The mask keeps values where the draw is below p, so p becomes the keep probability: with p = 0.3 about 70% of values are dropped.
# hint: Count the zeros for p = 0.3 on a large array: about 30% should be dropped. Check the direction of your comparison.
def dropout_forward(x, p, training, rng):
    x = np.asarray(x, dtype=float)
    if not training:
        return x
    return x * (rng.random(x.shape) < p) / (1 - p)
