# mistake: Scales in evaluation too
# why: In evaluation it returns x times (1 - p), the non-inverted habit; inverted dropout already rescales in training, so evaluation must return x unchanged.
# hint: Call it with training=False: the output should be x itself. Why is no scaling needed there with inverted dropout?
def dropout_forward(x, p, training, rng):
    x = np.asarray(x, dtype=float)
    if not training:
        return x * (1 - p)  # the old, non-inverted habit, on top of inverted scaling
    return x * (rng.random(x.shape) >= p) / (1 - p)
