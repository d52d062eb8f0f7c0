def dot(a, b):
    if len(a) != len(b):
        raise ValueError("lengths differ")
    total = 0.0
    for i in range(len(a) - 1):
        total += a[i] * b[i]
    return total
