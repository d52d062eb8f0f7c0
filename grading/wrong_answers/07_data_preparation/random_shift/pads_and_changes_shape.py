# mistake: Output padded, never cropped
# why: It pads every image by k on each side and returns the padded array, shape (N, H + 2k, W + 2k), instead of the input's shape.
# hint: Print the output's shape: it should equal the input's. Crop back to H by W, or copy directly into an array of the input's shape.
def random_shift(images, k, seed=0):
    images = np.asarray(images)
    rng = np.random.default_rng(seed)
    N, H, W = images.shape
    padded = np.pad(images, ((0, 0), (k, k), (k, k)))
    out = np.zeros_like(padded)
    for i, (dy, dx) in enumerate(rng.integers(-k, k + 1, size=(N, 2))):
        out[i, k + dy:k + dy + H, k + dx:k + dx + W] = images[i]
    return out  # (N, H + 2k, W + 2k): never cropped back
