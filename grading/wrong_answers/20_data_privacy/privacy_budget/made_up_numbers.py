# mistake: Numbers typed from memory
# why: The choice is right, but epsilon and the accuracy were rounded or guessed instead of computed with the accountant and read from the table; a budget must be defended with the numbers that were measured.
# hint: Compute epsilon with compute_epsilon for the whole training and read the accuracy from budget_table.
noise_multiplier = 2.0
epsilon = 8.0
test_accuracy = 0.75
