# mistake: One shift for the whole batch
# why: It draws a single (dy, dx) and moves every image by it, so all images in the batch move identically.
# hint: Each image needs its own shift; how many pairs (dy, dx) do you draw?
def random_shift(images, k, seed=0):
    images = np.asarray(images)
    rng = np.random.default_rng(seed)
    N, H, W = images.shape
    dy, dx = rng.integers(-k, k + 1, size=2)
    out = np.zeros_like(images)
    y0, y1 = max(dy, 0), H + min(dy, 0)
    x0, x1 = max(dx, 0), W + min(dx, 0)
    out[:, y0:y1, x0:x1] = images[:, y0 - dy:y1 - dy, x0 - dx:x1 - dx]
    return out
