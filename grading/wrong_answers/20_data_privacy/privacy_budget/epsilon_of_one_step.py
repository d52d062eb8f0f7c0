# mistake: Epsilon of one step, not of the training
# why: Epsilon was computed for a single DP-SGD step; the training took STEPS = 120 steps and privacy loss composes over them, so every candidate looks far more private than it is and a low-noise choice seems to fit the ceiling.
# hint: How many times did the training look at the data? Pass the number of steps the run took to the accountant.
candidates = {s: (compute_epsilon(s, SAMPLE_RATE, 1, DELTA), acc) for s, acc in budget_table.items()}
acceptable = {s: acc for s, (eps, acc) in candidates.items() if eps <= EPSILON_CEILING and acc >= ACCURACY_FLOOR}
noise_multiplier = max(acceptable, key=acceptable.get)
epsilon, test_accuracy = candidates[noise_multiplier]
