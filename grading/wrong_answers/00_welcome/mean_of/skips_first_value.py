# mistake: Skips the first value
# why: The loop starts at index 1, so the first value is left out of the sum while the division still uses all the values.
# hint: Print the values your loop adds for [2, 4, 9]: is every value included? Python indices start at 0.
def mean_of(values):
    total = 0
    for i in range(1, len(values)):
        total += values[i]
    return total / len(values)
