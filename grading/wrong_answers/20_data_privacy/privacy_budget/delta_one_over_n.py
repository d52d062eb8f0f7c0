# mistake: Delta ignored (one over the dataset size)
# why: Epsilon was computed at delta = 1/N; a delta that large allows the mechanism to leak a whole record outright, and the ceiling is stated at the lesson's DELTA = 1e-5, so the reported epsilon is not the one asked for.
# hint: An epsilon means nothing without its delta. Which delta does the ceiling state?
candidates = {s: (compute_epsilon(s, SAMPLE_RATE, STEPS, 1 / len(X_train)), acc) for s, acc in budget_table.items()}
acceptable = {s: acc for s, (eps, acc) in candidates.items() if eps <= EPSILON_CEILING and acc >= ACCURACY_FLOOR}
noise_multiplier = max(acceptable, key=acceptable.get)
epsilon, test_accuracy = candidates[noise_multiplier]
