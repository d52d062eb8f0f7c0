# mistake: Labels not extended
# why: The images grow to N times (copies + 1) but the original N labels are returned unchanged, so most new images have no label.
# hint: Compare the lengths of the two arrays you return: every image needs its label.
def augment_dataset(images, labels, copies, k=1, seed=0):
    images, labels = np.asarray(images), np.asarray(labels)
    rng = np.random.default_rng(seed)
    batches = [images] + [random_shift(images, k, seed=rng) for _ in range(copies)]
    return np.concatenate(batches), labels
