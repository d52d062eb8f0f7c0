xor_best_accuracy = 1.0
