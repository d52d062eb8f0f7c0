xor_best_accuracy = 0.5
