# mistake: Integer division
# why: It uses floor division //, which drops the fractional part, so mean_of([1, 2]) gives 1 instead of 1.5.
# hint: Try mean_of([1, 2]): where did the .5 go? Compare the two division operators in Python.
def mean_of(values):
    return sum(values) // len(values)
