# mistake: Calls scipy's jensenshannon
# why: The exercise asks for your own C(G) with NumPy; scipy.spatial.distance.jensenshannon (the square root of the JSD) computes the divergence for you, so the check refuses it.
# hint: Build D* from the two densities and integrate the value function on the grid, with NumPy only.
def generator_criterion(p_data, p_g, dx):
    """p_data (n,), p_g (n,) densities on one grid, dx -> C(G) = max_D V(D, G) in nats (a float)."""
    p_data, p_g = np.asarray(p_data, dtype=float), np.asarray(p_g, dtype=float)
    from scipy.spatial.distance import jensenshannon

    return float(2 * jensenshannon(p_data * dx, p_g * dx) ** 2 - np.log(4))
