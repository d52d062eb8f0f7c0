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
