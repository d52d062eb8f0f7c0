def generator_criterion(p_data, p_g, dx):
    """p_data (n,), p_g (n,) densities on one grid, dx -> C(G) = max_D V(D, G) in nats (a float)."""
    p_data, p_g = np.asarray(p_data, dtype=float), np.asarray(p_g, dtype=float)
    m = 0.5 * (p_data + p_g)

    def kl_to_mixture(p):
        ratio = np.where(p > 0, p / np.where(m > 0, m, 1.0), 1.0)  # log 1 = 0 where p = 0
        return np.sum(p * np.log(ratio)) * dx

    jsd = 0.5 * kl_to_mixture(p_data) + 0.5 * kl_to_mixture(p_g)
    return float(2 * jsd - np.log(4))
