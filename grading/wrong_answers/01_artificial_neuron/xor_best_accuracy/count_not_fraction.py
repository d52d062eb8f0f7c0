# mistake: Count instead of fraction
# why: It stores a number of points, but the exercise asks for an accuracy, a fraction between 0 and 1.
# hint: Accuracy is the number of points right divided by how many points there are.
xor_best_accuracy = 3
