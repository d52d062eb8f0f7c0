# mistake: Sum without dx
# why: The integrals are approximated by sums over the grid, and each term stands for a strip of width dx; without the factor dx the result is 1 / dx times too large.
# hint: Your densities sum to about 1 / dx, not 1: how does a sum over grid points become an integral?
def generator_criterion(p_data, p_g, dx):
    """p_data (n,), p_g (n,) densities on one grid, dx -> C(G) = max_D V(D, G) in nats (a float)."""
    p_data, p_g = np.asarray(p_data, dtype=float), np.asarray(p_g, dtype=float)
    total = p_data + p_g
    real, fake = p_data > 0, p_g > 0
    return float(np.sum(p_data[real] * np.log(p_data[real] / total[real])) + np.sum(p_g[fake] * np.log(p_g[fake] / total[fake])))
