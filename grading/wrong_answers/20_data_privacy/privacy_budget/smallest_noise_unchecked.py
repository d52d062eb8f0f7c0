# mistake: Chose the most accurate setting without checking epsilon
# why: The least noise gives the best accuracy, but it spends far more privacy than the ceiling allows; the accuracy floor alone does not make a budget.
# hint: Compute epsilon for every candidate first and discard those above the ceiling, then compare accuracies.
noise_multiplier = max(budget_table, key=budget_table.get)
epsilon = compute_epsilon(noise_multiplier, SAMPLE_RATE, STEPS, DELTA)
test_accuracy = budget_table[noise_multiplier]
