# mistake: Calls the library's Value.backward
# why: The exercise asks for gradients worked out by hand with the chain rule; building a Value graph and calling backward() lets autograd do it.
# hint: Use plain arithmetic on a, b, c: one chain-rule step per line, backward from L.
from labkit.nn import Value


def hand_gradients(a, b, c):
    """Numbers a, b, c -> {node name: dL/dnode} for e = a*b, d = e + c, L = d*a."""
    va, vb, vc = Value(a), Value(b), Value(c)
    e = va * vb
    d = e + vc
    L = d * va
    L.backward()
    return {"d": d.grad, "e": e.grad, "c": vc.grad, "b": vb.grad, "a": va.grad}
