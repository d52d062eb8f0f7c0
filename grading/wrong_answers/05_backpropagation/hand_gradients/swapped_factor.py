# mistake: Wrong factor for L = d · a
# why: dL/dd is set to d, but the derivative of a product with respect to one factor is the other factor; the error then flows into e, c, b and a.
# hint: For L = d · a, if d grows by 0.01, by how much does L grow? That factor is dL/dd.
def hand_gradients(a, b, c):
    """Numbers a, b, c -> {node name: dL/dnode} for e = a*b, d = e + c, L = d*a."""
    e = a * b
    d = e + c
    dL_dd = d  # L = d * a
    dL_de = dL_dd
    dL_dc = dL_dd
    dL_db = a * dL_de
    dL_da = d + b * dL_de
    return {"d": dL_dd, "e": dL_de, "c": dL_dc, "b": dL_db, "a": dL_da}
