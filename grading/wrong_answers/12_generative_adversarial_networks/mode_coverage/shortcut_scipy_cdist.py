# mistake: Calls the library's scipy cdist
# why: The exercise asks for your own distances written with NumPy; scipy's cdist computes the distance table for you, so the check refuses it.
# hint: The exercise shows the broadcasting that gives all differences at once; take their Euclidean norm along the last axis.
def mode_coverage(samples, centers, std):
    """samples (N, 2), centers (K, 2), std -> (modes covered, fraction of high-quality samples)."""
    from scipy.spatial.distance import cdist

    distances = cdist(np.asarray(samples, dtype=float), np.asarray(centers, dtype=float))  # (N, K)
    good = distances.min(axis=1) < 3 * std
    counts = np.bincount(distances.argmin(axis=1)[good], minlength=len(centers))
    return int(np.sum(counts >= 0.01 * len(samples))), float(np.mean(good))
