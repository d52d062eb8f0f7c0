# mistake: No distance filter: every sample counts
# why: Every sample is counted for its nearest mode and quality is always 1.0, however far the sample lies from every mode.
# hint: A point at the origin is nearest to some mode but far from all: check that you compare each sample's nearest distance with 3 * std.
def mode_coverage(samples, centers, std):
    """samples (N, 2), centers (K, 2), std -> (modes covered, fraction of high-quality samples)."""
    samples, centers = np.asarray(samples, dtype=float), np.asarray(centers, dtype=float)
    distances = np.linalg.norm(samples[:, None, :] - centers[None, :, :], axis=2)  # (N, K)
    nearest = distances.argmin(axis=1)
    counts = np.bincount(nearest, minlength=len(centers))
    return int(np.sum(counts >= 0.01 * len(samples))), 1.0
