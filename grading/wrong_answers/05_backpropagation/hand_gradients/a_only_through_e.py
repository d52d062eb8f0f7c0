# mistake: a's direct use forgotten
# why: dL/da counts only the path through e = a · b; a is also used directly in L = d · a, and the contributions of both uses add up.
# hint: Draw the graph and count the arrows leaving a: each one sends a gradient back, and they add.
def hand_gradients(a, b, c):
    """Numbers a, b, c -> {node name: dL/dnode} for e = a*b, d = e + c, L = d*a."""
    e = a * b
    d = e + c
    dL_dd = a
    dL_de = dL_dd
    dL_dc = dL_dd
    dL_db = a * dL_de
    dL_da = b * dL_de  # through e only
    return {"d": dL_dd, "e": dL_de, "c": dL_dc, "b": dL_db, "a": dL_da}
