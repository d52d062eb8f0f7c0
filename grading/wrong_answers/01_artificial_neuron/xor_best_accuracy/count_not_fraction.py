xor_best_accuracy = 3
