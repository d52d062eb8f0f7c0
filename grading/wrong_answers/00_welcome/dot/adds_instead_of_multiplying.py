# mistake: Adds the entries instead of multiplying
# why: It adds up every entry of both lists (1+2+3+4+5+6 = 21), so the pairs are never multiplied together.
# hint: Write a·b out for two short lists by hand: which entries are multiplied, and what is added?
def dot(a, b):
    return sum(a) + sum(b)
