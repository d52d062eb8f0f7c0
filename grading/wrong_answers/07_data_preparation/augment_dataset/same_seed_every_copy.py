# mistake: Same seed for every copy
# why: Each call to random_shift gets the same integer seed, so all copies are shifted identically and add no variety.
# hint: Compare copy 1 and copy 2 of the same image: they are identical. Make one generator and pass that same generator to every call.
def augment_dataset(images, labels, copies, k=1, seed=0):
    images, labels = np.asarray(images), np.asarray(labels)
    batches = [images] + [random_shift(images, k, seed=seed) for _ in range(copies)]
    return np.concatenate(batches), np.tile(labels, copies + 1)
