# mistake: Local derivatives without upstream
# why: e, c and b get only their local derivatives (1 for the sum, a for the product), never multiplied by the upstream gradient arriving from above, and a's path through e misses it too.
# hint: The chain rule is local derivative times upstream gradient; for e and c, what is the upstream gradient coming from d?
def hand_gradients(a, b, c):
    """Numbers a, b, c -> {node name: dL/dnode} for e = a*b, d = e + c, L = d*a."""
    e = a * b
    d = e + c
    dL_dd = a
    dL_de = 1.0  # d = e + c: derivative 1
    dL_dc = 1.0
    dL_db = a    # e = a * b: derivative a
    dL_da = d + b
    return {"d": dL_dd, "e": dL_de, "c": dL_dc, "b": dL_db, "a": dL_da}
