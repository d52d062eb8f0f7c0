# mistake: Signs flipped: XNOR
# why: The output weights and bias have the opposite signs, so the network scores positive where XOR is 0 and negative where it is 1 (XNOR).
# hint: Your sign pattern is exactly the reverse of the target; which layer decides the sign of every score?
xor_layers = [
    (np.array([[1.0, 1.0], [1.0, 1.0]]), np.array([0.0, -1.0])),
    (np.array([[-1.0, 2.0]]), np.array([0.5])),
]
