# mistake: Computes OR, not XOR
# why: The output reads only the count of active inputs, so (1, 1) also scores positive: that is OR.
# hint: The hidden neuron that is non-zero only when both inputs are on is ignored; how should the output weigh it to push (1, 1) down?
xor_layers = [
    (np.array([[1.0, 1.0], [1.0, 1.0]]), np.array([0.0, -1.0])),
    (np.array([[1.0, 0.0]]), np.array([-0.5])),
]
