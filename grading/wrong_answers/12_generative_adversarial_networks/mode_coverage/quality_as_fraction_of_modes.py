# mistake: Quality as fraction of modes covered
# why: quality is returned as covered modes divided by the number of modes, but it should be the fraction of the N samples that are high quality.
# hint: Quality is about samples, coverage about modes: what should the denominator of quality be?
def mode_coverage(samples, centers, std):
    """samples (N, 2), centers (K, 2), std -> (modes covered, fraction of high-quality samples)."""
    samples, centers = np.asarray(samples, dtype=float), np.asarray(centers, dtype=float)
    distances = np.linalg.norm(samples[:, None, :] - centers[None, :, :], axis=2)  # (N, K)
    nearest = distances.argmin(axis=1)
    good = distances.min(axis=1) < 3 * std
    counts = np.bincount(nearest[good], minlength=len(centers))
    covered = int(np.sum(counts >= 0.01 * len(samples)))
    return covered, covered / len(centers)
