# mistake: Base-2 logs
# why: np.log2 gives the value in bits; the value function of the GAN (and the - log 4 with it) uses natural logs, so the result is 1 / ln 2 = 1.44 times too large.
# hint: Your value is off by a constant factor of about 1.44: which logarithm does the value function use?
def generator_criterion(p_data, p_g, dx):
    """p_data (n,), p_g (n,) densities on one grid, dx -> C(G) = max_D V(D, G) in nats (a float)."""
    p_data, p_g = np.asarray(p_data, dtype=float), np.asarray(p_g, dtype=float)
    total = p_data + p_g
    real, fake = p_data > 0, p_g > 0
    value = np.sum(p_data[real] * np.log2(p_data[real] / total[real])) + np.sum(p_g[fake] * np.log2(p_g[fake] / total[fake]))
    return float(value * dx)
