# mistake: Dropout active in evaluation
# why: The training argument is never read, so values are dropped and rescaled at evaluation time too, making predictions random.
# hint: Call it with training=False: the output should equal x exactly. Where is the training flag used?
def dropout_forward(x, p, training, rng):
    x = np.asarray(x, dtype=float)
    return x * (rng.random(x.shape) >= p) / (1 - p)
