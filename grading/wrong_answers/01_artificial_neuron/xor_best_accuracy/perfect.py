# mistake: Thinks one neuron solves XOR
# why: 1.0 would mean a single line separates XOR, but the two 1s and the two 0s sit on crossing diagonals, so no line does.
# hint: Remember the perceptron on XOR: no epoch was ever free of mistakes. How many points can one line get right at best?
xor_best_accuracy = 1.0
