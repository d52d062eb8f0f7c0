def mode_coverage(samples, centers, std):
    """samples (N, 2), centers (K, 2), std -> (modes covered, fraction of high-quality samples)."""
    from labkit.data.mixture import mode_coverage as reference
    return reference(samples, centers, std)
