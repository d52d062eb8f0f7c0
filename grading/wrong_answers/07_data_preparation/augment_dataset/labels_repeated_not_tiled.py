# mistake: Labels repeated, not tiled
# why: np.repeat puts the copies of each label next to each other (3, 3, 3, 1, 1, 1, ...), but the images come batch after batch, so labels and images no longer line up.
# hint: Print the labels for copies=1 next to the order of your images: image N is copy 1 of image 0. Which label sits at index N?
def augment_dataset(images, labels, copies, k=1, seed=0):
    images, labels = np.asarray(images), np.asarray(labels)
    rng = np.random.default_rng(seed)
    batches = [images] + [random_shift(images, k, seed=rng) for _ in range(copies)]
    return np.concatenate(batches), np.repeat(labels, copies + 1)
