# mistake: Output bias left at zero
# why: With b2 = 0, the inputs (0, 0) and (1, 1) score exactly 0, on the fence, instead of below 0.
# hint: Print the four scores: the two XOR-false points sit at 0. What does the output bias do to all four scores?
xor_layers = [
    (np.array([[1.0, 1.0], [1.0, 1.0]]), np.array([0.0, -1.0])),
    (np.array([[1.0, -2.0]]), np.array([0.0])),
]
