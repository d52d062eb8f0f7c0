from labkit.nn import Dropout


def dropout_forward(x, p, training, rng):
    layer = Dropout(p)
    layer.train(training)
    return layer(np.asarray(x, dtype=float))
