# mistake: Squared distance compared with 3 std
# why: The squared distance is compared with 3 * std, mixing units: with std 0.1 a sample passes up to a distance of about 0.55 instead of 0.3.
# hint: Check that both sides of your comparison are in the same units: a distance against a distance, or a square against a square.
def mode_coverage(samples, centers, std):
    """samples (N, 2), centers (K, 2), std -> (modes covered, fraction of high-quality samples)."""
    samples, centers = np.asarray(samples, dtype=float), np.asarray(centers, dtype=float)
    distances = np.linalg.norm(samples[:, None, :] - centers[None, :, :], axis=2)  # (N, K)
    nearest = distances.argmin(axis=1)
    good = distances.min(axis=1) ** 2 < 3 * std
    counts = np.bincount(nearest[good], minlength=len(centers))
    return int(np.sum(counts >= 0.01 * len(samples))), float(np.mean(good))
