xor_layers = [
    (np.array([[1.0, 1.0], [1.0, 1.0]]), np.array([0.0, -1.0])),
    (np.array([[1.0, 0.0]]), np.array([-0.5])),
]
