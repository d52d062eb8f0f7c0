# mistake: Shifts the input in place
# why: It writes each moved image back into the array it was given, so the caller's images are changed (and returned as the result).
# hint: Print one of your input images after the call: it should be unchanged. Write into a new array.
def random_shift(images, k, seed=0):
    images = np.asarray(images)
    rng = np.random.default_rng(seed)
    N, H, W = images.shape
    for i, (dy, dx) in enumerate(rng.integers(-k, k + 1, size=(N, 2))):
        moved = np.zeros((H, W), dtype=images.dtype)
        y0, y1 = max(dy, 0), H + min(dy, 0)
        x0, x1 = max(dx, 0), W + min(dx, 0)
        moved[y0:y1, x0:x1] = images[i, y0 - dy:y1 - dy, x0 - dx:x1 - dx]
        images[i] = moved
    return images
