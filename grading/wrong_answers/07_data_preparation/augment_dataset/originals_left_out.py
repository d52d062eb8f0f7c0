def augment_dataset(images, labels, copies, k=1, seed=0):
    images, labels = np.asarray(images), np.asarray(labels)
    rng = np.random.default_rng(seed)
    batches = [random_shift(images, k, seed=rng) for _ in range(copies + 1)]
    return np.concatenate(batches), np.tile(labels, copies + 1)
