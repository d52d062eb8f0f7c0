# mistake: Originals left out
# why: Every batch, including the first, is a shifted copy, so the unchanged originals are missing from the start of the result.
# hint: The first N images should be the originals, untouched; is your first batch shifted?
def augment_dataset(images, labels, copies, k=1, seed=0):
    images, labels = np.asarray(images), np.asarray(labels)
    rng = np.random.default_rng(seed)
    batches = [random_shift(images, k, seed=rng) for _ in range(copies + 1)]
    return np.concatenate(batches), np.tile(labels, copies + 1)
