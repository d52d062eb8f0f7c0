# mistake: Seed ignored
# why: It draws the shifts from NumPy's global generator, so the seed argument has no effect and the same seed gives different shifts each call.
# hint: Call it twice with seed=3: the results should be identical. Which generator do you draw from?
# behaviour: varies from run to run (its values cannot be matched; the checks' own message explains it)
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
