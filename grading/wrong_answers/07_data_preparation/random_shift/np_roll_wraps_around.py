# mistake: np.roll wraps around
# why: np.roll moves the pixels that leave one edge back in at the opposite edge, but the exercise wants them lost and zeros coming in.
# hint: Look at the first row of an image shifted down by 1: should it hold the old last row, or zeros?
def random_shift(images, k, seed=0):
    images = np.asarray(images)
    rng = np.random.default_rng(seed)
    shifts = rng.integers(-k, k + 1, size=(len(images), 2))
    return np.stack([np.roll(img, (dy, dx), axis=(0, 1)) for img, (dy, dx) in zip(images, shifts)])
