# mistake: AND weights instead of NAND
# why: With these weights only the input (1, 1) fires, which is the AND gate; NAND is its opposite and fires everywhere except at (1, 1).
# hint: Read the neuron's four outputs in the check: which gate's truth table did you get, and what single change turns a gate into its negation?
nand_weights = (1.0, 1.0, -1.5)
