# mistake: Calls the library's labkit mode_coverage
# why: The exercise asks for your own nearest-centre counting with NumPy; labkit.data.mixture.mode_coverage is the course's implementation, so the check refuses it.
# hint: Use NumPy: broadcast the differences to (N, K, 2), take norms, the nearest centre per sample and a count per centre.
def mode_coverage(samples, centers, std):
    """samples (N, 2), centers (K, 2), std -> (modes covered, fraction of high-quality samples)."""
    from labkit.data.mixture import mode_coverage as reference
    return reference(samples, centers, std)
