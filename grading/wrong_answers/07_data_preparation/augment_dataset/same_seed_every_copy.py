def augment_dataset(images, labels, copies, k=1, seed=0):
    images, labels = np.asarray(images), np.asarray(labels)
    batches = [images] + [random_shift(images, k, seed=seed) for _ in range(copies)]
    return np.concatenate(batches), np.tile(labels, copies + 1)
