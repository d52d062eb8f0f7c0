# mistake: Products not summed
# why: It returns the list of pairwise products [4, 10, 18] instead of adding them up into one number.
# hint: The dot product is a single number; look at what you return and whether a final step is missing.
def dot(a, b):
    return [x * y for x, y in zip(a, b)]
