def mean_of(values):
    return sum(values) / (len(values) - 1)
