def tanh_prime(z):
    """z: a number or an array of any shape -> 1 - tanh(z)**2, same shape."""
    return 1.0 - np.tanh(z)
