# mistake: Sum not divided
# why: It returns the sum of the values (15 for [2, 4, 9]) without dividing by how many there are.
# hint: The mean of [2, 4, 9] cannot be larger than 9; what step turns a total into an average?
def mean_of(values):
    return sum(values)
