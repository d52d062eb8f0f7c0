# mistake: W2 stored as a column
# why: W2 has shape (2, 1), but weights are stored (out, in), so the output layer needs shape (1, hidden).
# hint: The output layer has 1 neuron and 2 inputs; in which order are a weight matrix's dimensions written?
xor_layers = [
    (np.array([[1.0, 1.0], [1.0, 1.0]]), np.array([0.0, -1.0])),
    (np.array([[1.0], [-2.0]]), np.array([-0.5])),
]
