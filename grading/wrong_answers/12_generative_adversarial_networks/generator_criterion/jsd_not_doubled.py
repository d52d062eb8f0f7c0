# mistake: JSD not doubled
# why: The code returns JSD - log 4; putting D* into V gives KL(p_data || m) + KL(p_g || m) - log 4, which is twice the JSD (the JSD averages the two KL terms).
# hint: Write V(D*, G) term by term with m = (p_data + p_g) / 2: how many KL terms appear, and with which weights?
def generator_criterion(p_data, p_g, dx):
    """p_data (n,), p_g (n,) densities on one grid, dx -> C(G) = max_D V(D, G) in nats (a float)."""
    p_data, p_g = np.asarray(p_data, dtype=float), np.asarray(p_g, dtype=float)
    m = 0.5 * (p_data + p_g)
    real, fake = p_data > 0, p_g > 0
    jsd = 0.5 * np.sum(p_data[real] * np.log(p_data[real] / m[real])) * dx + 0.5 * np.sum(p_g[fake] * np.log(p_g[fake] / m[fake])) * dx
    return float(jsd - np.log(4))
