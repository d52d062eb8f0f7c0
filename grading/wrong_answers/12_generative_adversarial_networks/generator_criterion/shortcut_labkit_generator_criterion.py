# mistake: Calls the library's labkit generator_criterion
# why: The exercise asks for your own C(G) with NumPy; labkit.divergences is the course's implementation, so the check refuses it.
# hint: Build D* from the two densities and integrate the value function on the grid, with NumPy only.
def generator_criterion(p_data, p_g, dx):
    """p_data (n,), p_g (n,) densities on one grid, dx -> C(G) = max_D V(D, G) in nats (a float)."""
    p_data, p_g = np.asarray(p_data, dtype=float), np.asarray(p_g, dtype=float)
    from labkit.divergences import generator_criterion as reference

    return reference(p_data, p_g, dx)
