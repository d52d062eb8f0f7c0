# mistake: D* upside down
# why: D = p_g / (p_data + p_g) is the probability that x is fake; the best discriminator gives the probability that x is real, p_data / (p_data + p_g).
# hint: Which of the two densities should make D large: the data's or the generator's?
def generator_criterion(p_data, p_g, dx):
    """p_data (n,), p_g (n,) densities on one grid, dx -> C(G) = max_D V(D, G) in nats (a float)."""
    p_data, p_g = np.asarray(p_data, dtype=float), np.asarray(p_g, dtype=float)
    total = p_data + p_g
    real, fake = p_data > 0, p_g > 0
    value = np.sum(p_data[real] * np.log(np.maximum(p_g[real], 1e-300) / total[real]))
    value += np.sum(p_g[fake] * np.log(np.maximum(p_data[fake], 1e-300) / total[fake]))
    return float(value * dx)
