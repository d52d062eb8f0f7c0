# mistake: Divides by n - 1
# why: It divides the sum by one less than the number of values (the sample-variance correction), so the mean comes out too large (7.5 instead of 5 for [2, 4, 9]).
# hint: The mean shares the sum equally among all the values: how many values are there?
def mean_of(values):
    return sum(values) / (len(values) - 1)
