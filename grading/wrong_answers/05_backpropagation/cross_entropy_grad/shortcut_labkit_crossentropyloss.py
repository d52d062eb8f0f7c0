# mistake: Calls the library's CrossEntropyLoss
# why: The exercise asks for your own gradient written with NumPy; labkit.nn.CrossEntropyLoss's backward computes it for you.
# hint: A stable softmax per row, then subtract 1 at each row's target and divide by N: NumPy is enough.
from labkit.nn import CrossEntropyLoss


def cross_entropy_grad(logits, targets):
    """logits (N, C), targets (N,) class indices -> dL/dlogits (N, C) of the mean cross-entropy."""
    loss = CrossEntropyLoss()
    loss(np.asarray(logits, dtype=float), np.asarray(targets))
    return loss.backward()
