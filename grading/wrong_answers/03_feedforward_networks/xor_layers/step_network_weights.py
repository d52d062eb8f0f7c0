# mistake: Step weights reused with ReLU
# why: These are lesson 01's OR/NAND/AND weights for step neurons; a ReLU passes how far z is above 0, not 0 or 1, so (0, 0) and (1, 1) score 0 and the others negative.
# hint: Compute the ReLU hidden values for the four inputs with these weights: they are not 0 and 1 any more. Start from the neurons suggested in the exercise.
xor_layers = [
    (np.array([[1.0, 1.0], [-1.0, -1.0]]), np.array([-0.5, 1.5])),  # OR, NAND as in lesson 01
    (np.array([[1.0, 1.0]]), np.array([-1.5])),  # AND
]
