# mistake: Sign error on b
# why: dL/db has a stray minus: the local derivative of e = a · b with respect to b is a, not -a.
# hint: Check the sign of dL/db at a = 2, b = -3, c = 1: both factors in the chain-rule step are positive.
def hand_gradients(a, b, c):
    """Numbers a, b, c -> {node name: dL/dnode} for e = a*b, d = e + c, L = d*a."""
    e = a * b
    d = e + c
    dL_dd = a
    dL_de = dL_dd
    dL_dc = dL_dd
    dL_db = -a * dL_de
    dL_da = d + b * dL_de
    return {"d": dL_dd, "e": dL_de, "c": dL_dc, "b": dL_db, "a": dL_da}
