# mistake: Shift range misses +k
# why: rng.integers(-k, k) never returns k (the upper bound is excluded), so shifts of +k never happen.
# hint: With k=1 and many images, list the shifts that occur: is +1 among them? Check whether integers' upper bound is included.
def random_shift(images, k, seed=0):
    images = np.asarray(images)
    rng = np.random.default_rng(seed)
    N, H, W = images.shape
    shifts = rng.integers(-k, k, size=(N, 2))  # the upper end is excluded: +k never comes up
    out = np.zeros_like(images)
    for i, (dy, dx) in enumerate(shifts):
        y0, y1 = max(dy, 0), H + min(dy, 0)
        x0, x1 = max(dx, 0), W + min(dx, 0)
        out[i, y0:y1, x0:x1] = images[i, y0 - dy:y1 - dy, x0 - dx:x1 - dx]
    return out
