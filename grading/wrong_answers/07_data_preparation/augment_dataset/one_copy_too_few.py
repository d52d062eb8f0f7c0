# mistake: One copy too few
# why: It makes copies - 1 shifted batches instead of copies, so the result has N times copies images instead of N times (copies + 1).
# hint: With copies=3 you should get the originals plus three shifted batches; count the batches you concatenate.
def augment_dataset(images, labels, copies, k=1, seed=0):
    images, labels = np.asarray(images), np.asarray(labels)
    rng = np.random.default_rng(seed)
    batches = [images] + [random_shift(images, k, seed=rng) for _ in range(copies - 1)]
    return np.concatenate(batches), np.tile(labels, copies)
