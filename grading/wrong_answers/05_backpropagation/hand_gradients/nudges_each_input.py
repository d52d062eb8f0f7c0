# mistake: Nudges instead of the chain rule
# why: It measures each gradient by finite differences of the loss; that is approximate, and for large inputs rounding destroys most digits, while the chain rule is exact.
# hint: The exercise asks for formulas built from local derivatives times upstream gradients; no loss should be evaluated at nudged inputs.
def hand_gradients(a, b, c):
    """Numbers a, b, c -> {node name: dL/dnode}, measured by nudging each node instead of the chain rule."""
    h = 1e-6

    def loss_from(d=None, e=None, a_=a, b_=b, c_=c):
        e = a_ * b_ if e is None else e
        d = e + c_ if d is None else d
        return d * a_

    e, d = a * b, a * b + c
    return {"d": (loss_from(d=d + h) - loss_from(d=d - h)) / (2 * h),
            "e": (loss_from(e=e + h) - loss_from(e=e - h)) / (2 * h),
            "c": (loss_from(c_=c + h) - loss_from(c_=c - h)) / (2 * h),
            "b": (loss_from(b_=b + h) - loss_from(b_=b - h)) / (2 * h),
            "a": (loss_from(a_=a + h) - loss_from(a_=a - h)) / (2 * h)}
