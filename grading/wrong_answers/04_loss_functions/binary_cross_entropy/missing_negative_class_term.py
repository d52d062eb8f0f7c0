# mistake: Negative-class term missing
# why: Only the y log p term is kept, so examples with y = 0 add nothing to the loss, however confidently wrong they are.
# hint: Try p = [0.99], y = [0]: a confident wrong answer should cost a lot. Which part of the formula looks at class-0 examples?
def binary_cross_entropy(p, y, eps=1e-12):
    """p (N,) probabilities of class 1, y (N,) targets in [0, 1] -> the mean BCE, a float."""
    p = np.clip(np.asarray(p, dtype=float), eps, 1.0 - eps)
    y = np.asarray(y, dtype=float)
    return float(-np.mean(y * np.log(p)))
