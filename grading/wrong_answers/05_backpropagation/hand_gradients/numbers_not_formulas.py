# mistake: Numbers instead of formulas
# why: It returns the gradients worked out for a = 2, b = -3, c = 1 as constants, so any other inputs get the same, wrong, numbers.
# hint: Write each gradient in terms of a, b, c (and d), as you did on paper, so the function works for any inputs.
def hand_gradients(a, b, c):
    """Numbers a, b, c -> {node name: dL/dnode} for e = a*b, d = e + c, L = d*a."""
    return {"d": 2.0, "e": 2.0, "c": 2.0, "b": 4.0, "a": -11.0}  # worked out for a=2, b=-3, c=1
