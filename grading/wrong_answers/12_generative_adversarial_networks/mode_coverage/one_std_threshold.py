# mistake: One std instead of three
# why: Samples count as high quality only within 1 standard deviation of their mode, so many good samples are rejected; the recipe allows 3 standard deviations.
# hint: Your quality is too low: check the distance threshold against the exercise text.
def mode_coverage(samples, centers, std):
    """samples (N, 2), centers (K, 2), std -> (modes covered, fraction of high-quality samples)."""
    samples, centers = np.asarray(samples, dtype=float), np.asarray(centers, dtype=float)
    distances = np.linalg.norm(samples[:, None, :] - centers[None, :, :], axis=2)  # (N, K)
    nearest = distances.argmin(axis=1)
    good = distances.min(axis=1) < std
    counts = np.bincount(nearest[good], minlength=len(centers))
    return int(np.sum(counts >= 0.01 * len(samples))), float(np.mean(good))
