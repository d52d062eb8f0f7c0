# mistake: No length check
# why: The products are summed correctly, but zip silently stops at the shorter list, so two lists of different lengths give a number instead of an error.
# hint: Call your dot with lists of lengths 2 and 3: the exercise asks for a ValueError there; what does zip do with the extra entry?
def dot(a, b):
    total = 0.0
    for x, y in zip(a, b):
        total += x * y
    return total
