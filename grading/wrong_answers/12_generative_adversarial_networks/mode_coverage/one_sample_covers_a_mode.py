# mistake: One sample enough to cover a mode
# why: A mode counts as covered as soon as one high-quality sample falls on it; the recipe asks for at least 1% of all N samples.
# hint: With 200 samples, should a single stray point make a mode covered? Check the threshold on each mode's count.
def mode_coverage(samples, centers, std):
    """samples (N, 2), centers (K, 2), std -> (modes covered, fraction of high-quality samples)."""
    samples, centers = np.asarray(samples, dtype=float), np.asarray(centers, dtype=float)
    distances = np.linalg.norm(samples[:, None, :] - centers[None, :, :], axis=2)  # (N, K)
    nearest = distances.argmin(axis=1)
    good = distances.min(axis=1) < 3 * std
    counts = np.bincount(nearest[good], minlength=len(centers))
    return int(np.sum(counts >= 1)), float(np.mean(good))
