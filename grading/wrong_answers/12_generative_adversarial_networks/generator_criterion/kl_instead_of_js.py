# mistake: KL(p_data || p_g) instead of the JSD
# why: The code uses the Kullback-Leibler divergence between the two densities themselves; Theorem 1 compares each with the mixture m = (p_data + p_g) / 2, which is what makes it the Jensen-Shannon divergence.
# hint: Put D* into V and simplify the fractions inside the logs: what is in the denominators?
def generator_criterion(p_data, p_g, dx):
    """p_data (n,), p_g (n,) densities on one grid, dx -> C(G) = max_D V(D, G) in nats (a float)."""
    p_data, p_g = np.asarray(p_data, dtype=float), np.asarray(p_g, dtype=float)
    real = p_data > 0
    return float(np.sum(p_data[real] * np.log(p_data[real] / p_g[real])) * dx - np.log(4))
