# mistake: Missing the - log 4
# why: The code returns 2 JSD(p_data || p_g), which is 0 at the equilibrium; the value of the game at D* is 2 JSD - log 4, because D* = p_data / (2m) carries a factor 1/2 into each log.
# hint: What should C(G) be when p_g = p_data and D* = 1/2 everywhere? Compare with what yours returns.
def generator_criterion(p_data, p_g, dx):
    """p_data (n,), p_g (n,) densities on one grid, dx -> C(G) = max_D V(D, G) in nats (a float)."""
    p_data, p_g = np.asarray(p_data, dtype=float), np.asarray(p_g, dtype=float)
    m = 0.5 * (p_data + p_g)
    real, fake = p_data > 0, p_g > 0
    kl_data = np.sum(p_data[real] * np.log(p_data[real] / m[real])) * dx
    kl_g = np.sum(p_g[fake] * np.log(p_g[fake] / m[fake])) * dx
    return float(kl_data + kl_g)
