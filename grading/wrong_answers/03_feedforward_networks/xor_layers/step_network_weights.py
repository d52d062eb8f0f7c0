xor_layers = [
    (np.array([[1.0, 1.0], [-1.0, -1.0]]), np.array([-0.5, 1.5])),  # OR, NAND as in lesson 01
    (np.array([[1.0, 1.0]]), np.array([-1.5])),  # AND
]
