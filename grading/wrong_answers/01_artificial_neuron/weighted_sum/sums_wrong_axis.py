# mistake: Sums over the wrong axis
# why: It sums the products along axis 0, which for a batch adds over the examples instead of over the inputs of each example; it works for one example only.
# hint: Try a batch X of shape (3, 2): you should get 3 numbers, one per row. Which axis holds the inputs of one example?
def weighted_sum(x, w, b):
    return np.sum(np.asarray(x, dtype=float) * np.asarray(w, dtype=float), axis=0) + b
