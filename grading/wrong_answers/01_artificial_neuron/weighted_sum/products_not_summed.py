# mistake: Products not summed
# why: It multiplies entry by entry (plus b) and returns the array of products instead of adding them into one number per example.
# hint: For one example the weighted sum is a single number; look at the shape of what you return.
def weighted_sum(x, w, b):
    return np.asarray(x, dtype=float) * np.asarray(w, dtype=float) + b
