def weighted_sum(x, w, b):
    return np.sum(np.asarray(x, dtype=float) * np.asarray(w, dtype=float), axis=0) + b
