xor_best_accuracy = 0.25
