# mistake: Calls the library's Dropout
# why: The exercise asks for your own inverted dropout written with NumPy; labkit.nn.Dropout does it for you (and ignores the rng you are given).
# hint: One uniform draw from rng of x's shape, a comparison with p, and one division.
from labkit.nn import Dropout


def dropout_forward(x, p, training, rng):
    layer = Dropout(p)
    layer.train(training)
    return layer(np.asarray(x, dtype=float))
