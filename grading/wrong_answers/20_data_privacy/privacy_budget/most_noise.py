# mistake: Chose the most noise without checking accuracy
# why: The largest noise multiplier spends the least privacy, but its model misses the accuracy floor the clinicians set, so it does not meet the requirements.
# hint: Both requirements must hold: after the epsilon ceiling, check the accuracy floor too.
noise_multiplier = max(budget_table)
epsilon = compute_epsilon(noise_multiplier, SAMPLE_RATE, STEPS, DELTA)
test_accuracy = budget_table[noise_multiplier]
