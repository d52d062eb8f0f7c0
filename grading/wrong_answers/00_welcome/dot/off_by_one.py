# mistake: Off by one: last pair missing
# why: The loop runs over range(len(a) - 1), so it stops one index early and the last pair's product is never added.
# hint: Print the indices your loop visits for lists of length 3: does it reach the last one?
def dot(a, b):
    if len(a) != len(b):
        raise ValueError("lengths differ")
    total = 0.0
    for i in range(len(a) - 1):
        total += a[i] * b[i]
    return total
