# mistake: Most private acceptable choice, not the most accurate
# why: The exercise asks for the highest test accuracy among the settings that meet both requirements; this picks the one with the smallest epsilon instead, giving away accuracy the budget allows.
# hint: Among the candidates within the ceiling and above the floor, which reaches the highest accuracy?
candidates = {s: (compute_epsilon(s, SAMPLE_RATE, STEPS, DELTA), acc) for s, acc in budget_table.items()}
acceptable = {s: eps for s, (eps, acc) in candidates.items() if eps <= EPSILON_CEILING and acc >= ACCURACY_FLOOR}
noise_multiplier = min(acceptable, key=acceptable.get)
epsilon, test_accuracy = candidates[noise_multiplier]
