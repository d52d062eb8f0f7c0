from labkit.nn import Value


def hand_gradients(a, b, c):
    """Numbers a, b, c -> {node name: dL/dnode} for e = a*b, d = e + c, L = d*a."""
    va, vb, vc = Value(a), Value(b), Value(c)
    e = va * vb
    d = e + vc
    L = d * va
    L.backward()
    return {"d": d.grad, "e": e.grad, "c": vc.grad, "b": vb.grad, "a": va.grad}
