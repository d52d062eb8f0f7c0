# mistake: 0 * log 0 gives nan
# why: Where a density is exactly 0, D* is 0 or 1 and the code multiplies 0 by log 0 = -inf, which NumPy makes nan; in the integral such a point contributes nothing.
# hint: Try two densities that never overlap: what does your function return, and which grid points produce it?
def generator_criterion(p_data, p_g, dx):
    """p_data (n,), p_g (n,) densities on one grid, dx -> C(G) = max_D V(D, G) in nats (a float)."""
    p_data, p_g = np.asarray(p_data, dtype=float), np.asarray(p_g, dtype=float)
    d_star = p_data / (p_data + p_g)
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(np.sum(p_data * np.log(d_star) + p_g * np.log(1 - d_star)) * dx)
