# mistake: Counted epochs as steps
# why: The accountant was given 30 (the epochs' worth) instead of the 120 steps; each DP-SGD step is one release of a noisy gradient, so epsilon is underestimated and too little noise is chosen.
# hint: The accountant counts optimizer steps. How many did train_dp take (STEPS)?
candidates = {s: (compute_epsilon(s, SAMPLE_RATE, 30, DELTA), acc) for s, acc in budget_table.items()}
acceptable = {s: acc for s, (eps, acc) in candidates.items() if eps <= EPSILON_CEILING and acc >= ACCURACY_FLOOR}
noise_multiplier = max(acceptable, key=acceptable.get)
epsilon, test_accuracy = candidates[noise_multiplier]
